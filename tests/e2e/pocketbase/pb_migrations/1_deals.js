/// A `deals` collection for the rest dialect's end-to-end tests (tests/e2e/rest.test.mjs):
/// PocketBase's own validation (a required title of at most 120 characters, amounts from 0) and
/// no API rules, so only a superuser's token reaches it.
migrate((app) => {
  const deals = new Collection({
    type: "base",
    name: "deals",
    listRule: null,
    viewRule: null,
    createRule: null,
    updateRule: null,
    deleteRule: null,
    fields: [
      { name: "title", type: "text", required: true, max: 120 },
      { name: "amount", type: "number", min: 0 },
      { name: "currency", type: "text", pattern: "^[A-Z]{3}$" },
      { name: "stage", type: "text" },
      { name: "close_date", type: "date" },
      { name: "owner", type: "text" },
      { name: "company", type: "text" },
      { name: "notes", type: "text" },
      { name: "created", type: "autodate", onCreate: true, onUpdate: false },
    ],
  });
  app.save(deals);
}, (app) => {
  app.delete(app.findCollectionByNameOrId("deals"));
});
