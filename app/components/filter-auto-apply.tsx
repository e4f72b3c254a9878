'use client';

/**
 * The site's only client component: applies the search form as you change it. Without JavaScript the
 * form still works (a GET form with a submit button); with it, every change navigates to the form's
 * URL (so the address bar, history and back button follow) and text input waits for a pause.
 *
 * The URL is built like the browser builds it for a GET submit, minus what carries no meaning:
 * empty values, values equal to their control's `data-default`, and the page number (a new filter
 * starts from page one). The server canonicalizes anything else.
 */
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';

/** Pause after the last keystroke before a text search runs, in ms. */
const TYPING_DEBOUNCE_MS = 350;

/**
 * Make the form show what the URL says. React leaves uncontrolled fields as the user left them, so
 * after Back or a link the form would otherwise disagree with the results. After a navigation this
 * component made itself, the text field being typed in is left alone (it may already hold more).
 */
function syncFormWithUrl(form: HTMLFormElement, params: URLSearchParams, keepFocusedText: boolean): void {
  const values = (name: string) => params.getAll(name).flatMap((value) => value.split(','));
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLInputElement && element.name) {
      if (element.type === 'checkbox' || element.type === 'radio') {
        element.checked = values(element.name).includes(element.value);
      } else if (
        (element.type === 'search' || element.type === 'text') &&
        !(keepFocusedText && element === document.activeElement)
      ) {
        element.value = params.get(element.name) ?? '';
      }
    } else if (element instanceof HTMLSelectElement && element.name) {
      const wanted = values(element.name).join(',');
      const option = Array.from(element.options).find((candidate) => candidate.value === wanted);
      element.value = option ? wanted : '';
    }
  }
}

export function FilterAutoApply({ formId }: { formId: string }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  /** The query string of the last navigation this component made. */
  const lastPushed = useRef<string | null>(null);

  /** The query string the form was rendered for: the server already made the form match it. */
  const rendered = useRef<string | null>(null);

  /**
   * The id of the control that had focus when this component navigated. The facet lists are markup
   * (markup.ts) that the new page replaces: a checkbox ticked from the keyboard is a new element
   * afterwards, and focus would fall back to the top of the page.
   */
  const focusedId = useRef<string | null>(null);

  useEffect(() => {
    const form = document.getElementById(formId);
    const current = searchParams.toString();
    // On mount the form already shows this URL, and someone may have started typing before hydration.
    if (rendered.current === null) {
      rendered.current = current;
      return;
    }
    if (form instanceof HTMLFormElement) {
      syncFormWithUrl(form, new URLSearchParams(current), current === lastPushed.current);
    }
    const id = focusedId.current;
    focusedId.current = null;
    const active = document.activeElement;
    if (id && (active === null || active === document.body)) {
      document.getElementById(id)?.focus({ preventScroll: true });
    }
  }, [formId, searchParams]);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const navigate = () => {
      clearTimeout(timer);
      const params = new URLSearchParams();
      for (const element of Array.from(form.elements)) {
        if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
        if (!element.name || element.disabled || element.name === 'page') continue;
        if (
          element instanceof HTMLInputElement &&
          (element.type === 'checkbox' || element.type === 'radio')
        ) {
          if (!element.checked) continue;
        }
        const value = element.value.trim();
        if (value === '' || value === element.dataset['default']) continue;
        params.append(element.name, value);
      }
      const query = params.toString();
      lastPushed.current = query;
      focusedId.current =
        document.activeElement instanceof HTMLElement ? document.activeElement.id || null : null;
      const action = new URL(form.action, window.location.href).pathname;
      router.push(query ? `${action}?${query}` : action, { scroll: false });
    };

    const onChange = (event: Event) => {
      const target = event.target;
      // Text fields apply on pause (input) and on Enter (submit), not again on blur (change).
      if (target instanceof HTMLInputElement && (target.type === 'search' || target.type === 'text')) return;
      navigate();
    };
    const onInput = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || (target.type !== 'search' && target.type !== 'text'))
        return;
      clearTimeout(timer);
      timer = setTimeout(navigate, TYPING_DEBOUNCE_MS);
    };
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      navigate();
    };

    form.addEventListener('change', onChange);
    form.addEventListener('input', onInput);
    form.addEventListener('submit', onSubmit);
    form.dataset['autoApply'] = 'on';
    // Text typed before this ran (a slow phone hydrates late) fired no listener: apply it as if typed now.
    const url = new URLSearchParams(window.location.search);
    const typedEarly = Array.from(form.elements).some(
      (element) =>
        element instanceof HTMLInputElement &&
        (element.type === 'search' || element.type === 'text') &&
        element.name !== '' &&
        element.value.trim() !== (url.get(element.name) ?? ''),
    );
    if (typedEarly) timer = setTimeout(navigate, TYPING_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      form.removeEventListener('change', onChange);
      form.removeEventListener('input', onInput);
      form.removeEventListener('submit', onSubmit);
      delete form.dataset['autoApply'];
    };
  }, [formId, router]);

  return null;
}
