// The reference react-admin 5 app: the same job as dealform (deal list with paging and sort,
// create and edit forms with the same validations) against the same API.
import { createRoot } from 'react-dom/client';
import {
  Admin, Resource, List, InfiniteList, Datagrid, TextField, NumberField, DateField, Edit, Create, SimpleForm,
  TextInput, NumberInput, DateInput, SelectInput, required, maxLength, minValue, maxValue, regex, number,
} from 'react-admin';
import { stardexProvider } from './dataProvider.js';

const params = new URLSearchParams(location.search);
const api = params.get('api');
const token = params.get('token') || 'test-token';
// `?list=infinite`: react-admin's own answer to long lists (pages appended as you scroll),
// the counterpart of dealform's scrolling list in the 10,000-deal figures.
const infinite = params.get('list') === 'infinite';
const ListView = infinite ? InfiniteList : List;
const uuid = regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Must be a UUID');

async function start() {
  const statuses = await fetch(`${api}/v1/deal-statuses`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json());
  const choices = statuses.data.map((s) => ({ id: s.id, name: s.name }));
  const fields = (
    <SimpleForm>
      <TextInput source="name" label="Name" validate={[required(), maxLength(255)]} />
      <NumberInput source="amount" label="Amount" validate={[number(), minValue(0)]} />
      <SelectInput source="deal_status_id" label="Stage" choices={choices} />
      <DateInput source="closed_date" label="Close date" />
      <NumberInput source="win_probability" label="Win probability" validate={[number(), minValue(0), maxValue(100)]} />
      <TextInput source="owner" label="Owner" validate={[uuid]} />
      <TextInput source="client_id" label="Company" validate={[uuid]} />
      <TextInput source="description" label="Description" multiline validate={[maxLength(10000)]} />
    </SimpleForm>
  );
  const DealList = () => (
    <ListView perPage={infinite ? 100 : 25} sort={{ field: 'name', order: 'ASC' }} filters={[<TextInput key="q" source="q" label="Search deals" alwaysOn />]}>
      <Datagrid rowClick="edit">
        <TextField source="name" label="Name" />
        <NumberField source="amount" label="Amount" options={{ style: 'currency', currency: 'USD' }} />
        <TextField source="deal_status_id" label="Stage" />
        <DateField source="closed_date" label="Close date" />
        <TextField source="owner" label="Owner" />
      </Datagrid>
    </ListView>
  );
  createRoot(document.getElementById('root')).render(
    <Admin dataProvider={stardexProvider(api, token)} disableTelemetry>
      <Resource name="deals" list={DealList} edit={() => <Edit>{fields}</Edit>} create={() => <Create>{fields}</Create>} />
    </Admin>,
  );
}
start();
