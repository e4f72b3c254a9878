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
 * the control that had focus and the scroll position are restored on the next page, and text typed
 * while that page was loading is put back into the search box and applied in turn.
 */

/** Pause after the last keystroke before a text search runs, in ms. */
const TYPING_DEBOUNCE_MS = 350;

/** The sessionStorage entry that carries focus, scroll and late typing across a filter's page load. */
const RESUME_KEY = 'elsewhere:search-resume';

/** A resume entry older than this (ms) belongs to some earlier visit: ignore it. */
const RESUME_MAX_AGE_MS = 15_000;

/** What one page leaves for the next in sessionStorage. */
interface Resume {
  at: number;
  focusedId: string | null;
  scrollY: number;
  /** Text typed after the navigation started: the field's id and its value when the page went. */
  typed: { id: string; value: string } | null;
}

function autoApply(formId: string, debounceMs: number, resumeKey: string, resumeMaxAgeMs: number): void {
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return;
  const isTextField = (element: unknown): element is HTMLInputElement =>
    element instanceof HTMLInputElement && (element.type === 'search' || element.type === 'text');
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The text fields' values when this page last navigated, to tell later typing apart. */
  let sentText: Record<string, string> | null = null;

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
    sentText = {};
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
      if (!element.name || element.disabled || element.name === 'page') continue;
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
        if (!element.checked) continue;
      }
      if (isTextField(element) && element.id) sentText[element.id] = element.value;
      const value = element.value.trim();
      if (value === '' || value === element.dataset['default']) continue;
      params.append(element.name, value);
    }
    const active = document.activeElement;
    writeResume({
      at: Date.now(),
      focusedId: active instanceof HTMLElement && active.id ? active.id : null,
      scrollY: window.scrollY,
      typed: null,
    });
    const query = params.toString();
    const action = new URL(form.action, window.location.href).pathname;
    window.location.assign(query ? `${action}?${query}` : action);
  };

  form.addEventListener('change', (event) => {
    // Text fields apply on pause (input) and on Enter (submit), not again on blur (change).
    if (!isTextField(event.target)) navigate();
  });
  form.addEventListener('input', (event) => {
    if (!isTextField(event.target)) return;
    clearTimeout(timer);
    timer = setTimeout(navigate, debounceMs);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate();
  });

  // Leaving for the next results while someone is still typing: keep what they typed since.
  window.addEventListener('pagehide', () => {
    const active = document.activeElement;
    if (sentText === null || !isTextField(active) || !active.id) return;
    if (active.value === sentText[active.id]) return;
    try {
      const stored = sessionStorage.getItem(resumeKey);
      if (!stored) return;
      const resume = JSON.parse(stored) as Resume;
      writeResume({ ...resume, typed: { id: active.id, value: active.value } });
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
  const restore = (): void => {
    window.scrollTo(0, resume.scrollY);
    const focused = resume.focusedId ? document.getElementById(resume.focusedId) : null;
    focused?.focus({ preventScroll: true });
    const typed = resume.typed ? document.getElementById(resume.typed.id) : null;
    if (resume.typed && isTextField(typed) && typed.value !== resume.typed.value) {
      typed.value = resume.typed.value;
      timer = setTimeout(navigate, debounceMs);
    }
    if (isTextField(focused)) focused.setSelectionRange(focused.value.length, focused.value.length);
  };
  // The script runs while the page parses: the results below it are not there yet to scroll to.
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', restore, { once: true });
  else restore();
}

/** The inline script that runs `autoApply` for the form `formId`. */
export function FilterAutoApply({ formId }: { formId: string }) {
  const call = `(${autoApply.toString()})(${JSON.stringify(formId)}, ${TYPING_DEBOUNCE_MS}, ${JSON.stringify(RESUME_KEY)}, ${RESUME_MAX_AGE_MS});`;
  return <script dangerouslySetInnerHTML={{ __html: call }} />;
}
