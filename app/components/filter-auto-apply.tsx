/**
 * Applies the search form as you change it. Without JavaScript the form still works (a GET form with
 * a submit button); with it, every change loads the form's URL (so the address bar, history and back
 * button follow) and text input waits for a pause.
 *
 * It is the search page's only script, and a plain one: the page ships no framework (pages/README.md),
 * so this function is sent as its own source text in an inline `<script>` and runs as the page
 * parses. It must therefore be self-contained: no imports, no module-level names, nothing but its
 * arguments and the DOM.
 *
 * The URL is built like the browser builds it for a GET submit, minus what carries no meaning:
 * empty values, values equal to their control's `data-default`, and the page number (a new filter
 * starts from page one). The server canonicalizes anything else.
 *
 * Each change is a page load, so what the person was doing is carried across it in sessionStorage:
 * the control that had focus, the scroll position, and the search box as it was left (spaces and
 * caret included, though the URL holds the query trimmed) are restored on the next page; text typed
 * while that page was loading is put back and applied in turn. The script sits right after the form,
 * so focus is back before the results below it have arrived.
 */

/** Pause after the last keystroke before a text search runs, in ms. */
const TYPING_DEBOUNCE_MS = 350;

/** The sessionStorage entry that carries focus, scroll and late typing across a filter's page load. */
const RESUME_KEY = 'elsewhere:search-resume';

/** A resume entry older than this (ms) belongs to some earlier visit: ignore it. */
const RESUME_MAX_AGE_MS = 15_000;

/** A text field as someone left it: its raw value (the URL holds it trimmed) and the caret. */
interface TextState {
  id: string;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

/** What one page leaves for the next in sessionStorage. */
interface Resume {
  at: number;
  focusedId: string | null;
  scrollY: number;
  /** The focused text field when the navigation started. */
  text: TextState | null;
  /** The same field when the page went, if typing went on meanwhile. */
  typed: TextState | null;
}

function autoApply(formId: string, debounceMs: number, resumeKey: string, resumeMaxAgeMs: number): void {
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return;
  const isTextField = (element: unknown): element is HTMLInputElement =>
    element instanceof HTMLInputElement && (element.type === 'search' || element.type === 'text');
  /** The form's own controls, those inside it and those joined by their `form` attribute (sort). */
  const isControl = (element: unknown): element is HTMLInputElement | HTMLSelectElement =>
    (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) && element.form === form;
  const textState = (field: HTMLInputElement): TextState => ({
    id: field.id,
    value: field.value,
    selectionStart: field.selectionStart,
    selectionEnd: field.selectionEnd,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The focused text field as it was sent, once this page has started loading the next. */
  let sentText: TextState | null = null;

  const readResume = (): Resume | null => {
    try {
      const stored = sessionStorage.getItem(resumeKey);
      sessionStorage.removeItem(resumeKey);
      const resume = stored ? (JSON.parse(stored) as Resume) : null;
      return resume && Date.now() - resume.at < resumeMaxAgeMs ? resume : null;
    } catch {
      return null; // Storage disabled or a malformed entry: start fresh, nothing is lost but focus.
    }
  };
  const writeResume = (resume: Resume): void => {
    try {
      sessionStorage.setItem(resumeKey, JSON.stringify(resume));
    } catch {
      // Storage disabled or full: the next page simply starts at the top.
    }
  };

  const navigate = (): void => {
    clearTimeout(timer);
    const params = new URLSearchParams();
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
      if (!element.name || element.disabled || element.name === 'page') continue;
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
        if (!element.checked) continue;
      }
      const value = element.value.trim();
      if (value === '' || value === element.dataset['default']) continue;
      params.append(element.name, value);
    }
    const query = params.toString();
    const action = new URL(form.action, window.location.href).pathname;
    const target = query ? `${action}?${query}` : action;
    // A trailing space, or Enter on what already ran: these results are already on screen.
    if (target === `${window.location.pathname}${window.location.search}`) return;
    const active = document.activeElement;
    sentText = isTextField(active) && active.id ? textState(active) : null;
    writeResume({
      at: Date.now(),
      focusedId: active instanceof HTMLElement && active.id ? active.id : null,
      scrollY: window.scrollY,
      text: sentText,
      typed: null,
    });
    window.location.assign(target);
  };

  document.addEventListener('change', (event) => {
    // Text fields apply on pause (input) and on Enter (submit), not again on blur (change).
    if (isControl(event.target) && !isTextField(event.target)) navigate();
  });
  document.addEventListener('input', (event) => {
    if (!isControl(event.target) || !isTextField(event.target)) return;
    clearTimeout(timer);
    timer = setTimeout(navigate, debounceMs);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate();
  });

  window.addEventListener('pagehide', () => {
    // A pause in typing just before following a link must not fire on a page kept for Back.
    clearTimeout(timer);
    // Leaving for the next results while someone is still typing: keep what they typed since.
    const active = document.activeElement;
    if (sentText === null || !isTextField(active) || active.id !== sentText.id) return;
    if (active.value === sentText.value) return;
    try {
      const stored = sessionStorage.getItem(resumeKey);
      if (!stored) return;
      writeResume({ ...(JSON.parse(stored) as Resume), typed: textState(active) });
    } catch {
      // Nothing to add to.
    }
  });

  // Back or forward shows the fields as they were left (a box ticked just before leaving), from the
  // back-forward cache or by the browser restoring form state: put back what the page was rendered
  // with, which is what its results show.
  window.addEventListener('pageshow', (event) => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const historyMove =
      navigation instanceof PerformanceNavigationTiming && navigation.type === 'back_forward';
    if (event.persisted || historyMove) form.reset();
  });

  const resume = readResume();
  if (resume === null) return;
  // Focus and text first, as soon as the form is there, so keys pressed now land in the field.
  const focused = resume.focusedId ? document.getElementById(resume.focusedId) : null;
  focused?.focus({ preventScroll: true });
  const left = resume.typed ?? resume.text;
  const field = left ? document.getElementById(left.id) : null;
  if (left && isTextField(field)) {
    const rendered = field.value;
    // The page shows the query trimmed: give back the spaces and the caret as they were left.
    if (left.value.trim() === rendered || resume.typed) field.value = left.value;
    if (field === focused) field.setSelectionRange(left.selectionStart, left.selectionEnd);
    // Typed while this page loaded, and more than spaces: that search runs next.
    if (left.value.trim() !== rendered) timer = setTimeout(navigate, debounceMs);
  }
  // The results below the form are not parsed yet: scroll once they are.
  const scroll = (): void => window.scrollTo(0, resume.scrollY);
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', scroll, { once: true });
  else scroll();
}

/** The inline script that runs `autoApply` for the form `formId`. */
export function FilterAutoApply({ formId }: { formId: string }) {
  const call = `(${autoApply.toString()})(${JSON.stringify(formId)}, ${TYPING_DEBOUNCE_MS}, ${JSON.stringify(RESUME_KEY)}, ${RESUME_MAX_AGE_MS});`;
  return <script dangerouslySetInnerHTML={{ __html: call }} />;
}
