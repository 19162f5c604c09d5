// dealform as a widget: one <script type="module" src=".../dealform.js"> on a host page gives
//   <deal-form provider="heffl" base-url="/crm-proxy" locale="de-DE" currency="EUR"></deal-form>
//   <deal-form config='{"provider": "local"}'></deal-form>
//   const handle = await DealForm.mount(element, { provider: 'local' }); handle.update({...}); handle.unmount();
// Each widget renders in its own shadow root (styles neither leak out nor in) and dispatches
// bubbling, composed DOM events: dealform:created / :updated / :deleted (detail: the deal) and
// dealform:error (detail: {kind, message}).
import * as app from './dealform-app.js';

const here = (file) => new URL(file, import.meta.url);
let ready;
const start = () => (ready ??= app.default({ module_or_path: here('./dealform-app_bg.wasm') }));
/** Starts fetching the code `config` needs before its list shows, alongside the app's wasm rather
 *  than after it (the release build's `warm`; a build in one piece has nothing to warm). */
const warm = (config) => typeof config === 'object' && app.warm?.(config);

/** A number attribute as a number; anything else as written, so the widget names the mistake
 *  (`Number` would make "abc" NaN, which JSON writes as null: taken as not set, silently). */
const number = (v) => (v.trim() && Number.isFinite(+v) ? +v : v);

/** Attributes that map onto config fields, and how to read them. */
const ATTRIBUTES = {
  provider: ['provider', String],
  'base-url': ['base_url', String],
  locale: ['locale', String],
  currency: ['currency', String],
  'page-size': ['page_size', number],
  mode: ['mode', String],
  theme: ['theme', String],
  list: ['list', String],
  namespace: ['namespace', String],
  'sample-data': ['sample_data', (v) => v !== 'false'],
  'timeout-ms': ['timeout_ms', number],
  label: ['label', String],
  language: ['language', String],
};
/** Credential attributes: read once, then removed so they do not sit in the DOM. */
const SECRETS = { token: 'token', 'api-key': 'api_key', 'access-key': 'access_key', 'secret-key': 'secret_key' };

let counter = 0;

/** Stylesheets that have loaded or failed: a widget shows at once in their roots. */
const settled = new WeakSet();

/** Renders into a shadow root of `host` (or into `host` itself where it cannot have one). */
function shell(host) {
  let root = host.shadowRoot;
  if (!root) {
    try {
      root = host.attachShadow({ mode: 'open' });
    } catch {
      root = host;
    }
  }
  // A widget updated in place keeps its stylesheet: inserted again, it would load again.
  let sheet = [...root.children].find((el) => el.localName === 'link');
  for (const node of [...root.childNodes]) if (node !== sheet) node.remove();
  if (!sheet) {
    sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = here('./dealform.css').href;
    root.append(sheet);
  }
  const container = document.createElement('div');
  container.className = 'df-widget';
  // Hidden until the stylesheet is in (or has failed): the deals can come first on a busy
  // machine, and unstyled they would flash on the host page, and the scrolling list, its box
  // not yet limited in height, would take every row as in view and fetch them all.
  if (!settled.has(sheet)) {
    container.hidden = true;
    const show = () => { settled.add(sheet); container.hidden = false; };
    sheet.addEventListener('load', show, { once: true });
    sheet.addEventListener('error', show, { once: true });
  }
  root.append(container);
  return container;
}

/**
 * Each element's mounted widget. Why: wasm-bindgen frees a wasm object once its JS wrapper is
 * collected, and freeing a widget unmounts it: a page that mounts one and keeps no handle
 * (`DealForm.mount(el, config)`, nothing more) would see it vanish at the next garbage
 * collection. Held here, a widget stays until it is unmounted: keyed by its element, as the
 * widget keeps that element alive anyway (a page that drops the element calls unmount()).
 */
const live = new WeakMap();

class Mounted {
  constructor(host, config) {
    this.host = host;
    this.widget = null;
    this.namespace = config?.namespace || `dealform-${host.id || `widget-${++counter}`}`;
    // A second mount into the same element replaces the first, rather than leaving it running
    // with its view gone.
    live.get(host)?.unmount();
    this.update(config);
  }
  update(config) {
    // A handle kept past unmount() (a view torn down, its callbacks not) must not bring the
    // widget back into a page that let it go.
    if (this.gone) throw new Error('dealform: this widget was unmounted, or replaced by another mount into its element; DealForm.mount() makes a new one');
    const json = typeof config === 'string' ? config : JSON.stringify({ namespace: this.namespace, ...config });
    // Only the language changed: the widget says the same in the new one, an open form and what
    // was typed in it kept, rather than starting over.
    const language = languageOf(json);
    if (this.widget && this.json !== undefined && language !== undefined
      && withoutLanguage(json) === withoutLanguage(this.json) && this.widget.setLanguage(language)) {
      this.json = json;
      return;
    }
    this.#free();
    this.widget = app.mountWidget(this.host, shell(this.host), json, here('./').href);
    this.json = json;
    live.set(this.host, this);
  }
  /** Also called on the widget a second mount into its element replaces. */
  unmount() {
    this.gone = true;
    this.#free();
    if (live.get(this.host) === this) live.delete(this.host);
  }
  #free() {
    if (this.widget) {
      this.widget.unmount();
      this.widget.free();
      this.widget = null;
    }
  }
}

/** A configuration's JSON with its `language` left out; as it is where it is no JSON object. */
function withoutLanguage(json) {
  try {
    const { language, ...rest } = JSON.parse(json);
    return JSON.stringify(rest);
  } catch {
    return json;
  }
}

/** A configuration's `language`: null where it sets none, undefined where it is no text (a
 *  mistake the widget names when mounted anew). */
function languageOf(json) {
  let language;
  try {
    language = JSON.parse(json)?.language;
  } catch {
    return null;
  }
  if (language === undefined || language === null) return null;
  return typeof language === 'string' ? language : undefined;
}

export const DealForm = {
  /** Mounts a widget into `element` with a config object; resolves to {update, unmount}. */
  async mount(element, config = {}) {
    // Checked before anything starts: a selector that found nothing gives null.
    if (element?.nodeType !== Node.ELEMENT_NODE) throw new TypeError(`dealform: DealForm.mount() needs an element to render into, not ${element}`);
    warm(config);
    await start();
    const m = new Mounted(element, config);
    return { update: (c) => m.update(c), unmount: () => m.unmount() };
  },
};
globalThis.DealForm = DealForm;

class DealFormElement extends HTMLElement {
  static observedAttributes = ['config', ...Object.keys(ATTRIBUTES)];
  #secrets = {};
  #mounted = null;
  /** Set while the element rewrites its own `config` attribute, which is no change of config. */
  #rewriting = false;

  /** Takes the credentials out of the `config` attribute into memory, and writes the attribute
   *  back without them: a key left in the DOM is readable by any script or extension on the host
   *  page, and saved with it. A config that is not JSON, or whose credentials are not an object,
   *  is left as written, for the widget to name the mistake. */
  #takeConfigSecrets() {
    const raw = this.getAttribute('config');
    let config;
    try {
      config = JSON.parse(raw);
    } catch {
      return;
    }
    const credentials = config?.credentials;
    if (typeof credentials !== 'object' || credentials === null || Array.isArray(credentials)) return;
    Object.assign(this.#secrets, credentials);
    delete config.credentials;
    this.#rewriting = true;
    try {
      this.setAttribute('config', JSON.stringify(config));
    } finally {
      this.#rewriting = false;
    }
  }

  config() {
    let config = {};
    const raw = this.getAttribute('config');
    if (raw) {
      try {
        config = JSON.parse(raw);
      } catch (e) {
        // Passed on as it is, so the widget itself names the mistake.
        return raw;
      }
    }
    for (const [attr, [key, read]] of Object.entries(ATTRIBUTES)) {
      if (this.hasAttribute(attr)) config[key] = read(this.getAttribute(attr));
    }
    if (Object.keys(this.#secrets).length) config.credentials = { ...(config.credentials || {}), ...this.#secrets };
    return config;
  }

  async connectedCallback() {
    this.#takeConfigSecrets();
    for (const [attr, key] of Object.entries(SECRETS)) {
      if (this.hasAttribute(attr)) {
        this.#secrets[key] = this.getAttribute(attr);
        this.removeAttribute(attr);
      }
    }
    warm(this.config());
    await start();
    if (!this.isConnected || this.#mounted) return;
    this.#mounted = new Mounted(this, this.config());
  }

  attributeChangedCallback(name, before, after) {
    if (this.#rewriting) return;
    // A config set later loses its credentials too (the rewrite comes back here as no change).
    if (name === 'config' && this.isConnected) this.#takeConfigSecrets();
    // Not once DealForm.mount() has put another widget in this element's place.
    if (this.#mounted && !this.#mounted.gone && before !== after) this.#mounted.update(this.config());
  }

  disconnectedCallback() {
    this.#mounted?.unmount();
    this.#mounted = null;
  }
}

if (!customElements.get('deal-form')) customElements.define('deal-form', DealFormElement);
