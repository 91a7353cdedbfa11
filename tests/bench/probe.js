// Installed by scripts/bench in every page it measures, before any of the page's own scripts
// (DevTools protocol Page.addScriptToEvaluateOnNewDocument). Every time is the page's own clock
// (performance.now(), milliseconds since navigation start), taken in the page: the WebDriver
// client only reads the marks afterwards, so its round trips are in no measure.
//
// A mark is the first moment a watched condition holds: each condition is checked when it is
// watched and again after every DOM change (a MutationObserver on the whole document, from
// before the first element exists), and on every animation frame while a watch is pending: a
// property such as a checkbox's `checked` changes no attribute, so no mutation reports it, and
// the frame that paints it is when it is seen. Clicks are marked by their event's timeStamp,
// from a capturing listener that runs before any of the page's.
(() => {
  const bench = { marks: {}, watches: [], waiters: {} };
  Object.defineProperty(window, '__bench', { value: bench });
  try {
    performance.setResourceTimingBufferSize(100000);
  } catch (_) {}

  const hidden = (e) => !!e.closest('[hidden]');
  const check = () => {
    if (!bench.watches.length) return;
    const now = performance.now();
    const held = [];
    bench.watches = bench.watches.filter(([name, holds]) => {
      let ok = false;
      try {
        ok = holds();
      } catch (_) {}
      if (ok) held.push(name);
      return !ok;
    });
    // Marked only once the list is updated: a waiter may watch something new, which must not
    // be lost when the filtered list replaces the old one.
    held.forEach((name) => mark(name, now));
  };
  const mark = (name, at) => {
    if (name in bench.marks) return;
    bench.marks[name] = at;
    const waiting = bench.waiters[name] || [];
    delete bench.waiters[name];
    waiting.forEach((done) => done(at));
  };
  let framing = false;
  const frame = () => {
    check();
    framing = bench.watches.length > 0;
    if (framing) requestAnimationFrame(frame);
  };
  // Marks `name` when `holds()` first returns true.
  bench.watch = (name, holds) => {
    bench.watches.push([name, holds]);
    check();
    if (!framing && bench.watches.length) {
      framing = true;
      requestAnimationFrame(frame);
    }
  };
  // Calls `done(mark)` once `name` is marked (at once if it is).
  bench.when = (name, done) => {
    if (name in bench.marks) done(bench.marks[name]);
    else (bench.waiters[name] = bench.waiters[name] || []).push(done);
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });

  // Interactive: the form's submit button is on the page and enabled.
  bench.watch('interactive', () => {
    const b = document.querySelector('form button[type=submit]');
    return !!b && !b.disabled && !hidden(b);
  });

  // The rendered result for `org`: its heading, the token (where the page shows it apart from
  // the command) and the config.sh command with a token in it, all visible.
  bench.result = (org) => () => {
    const h = document.getElementById('result-heading');
    if (!h || hidden(h) || !h.textContent.includes(org)) return false;
    const token = document.querySelector('code.token');
    if (token && (hidden(token) || !token.textContent.trim())) return false;
    return [...document.querySelectorAll('pre code')].some(
      (c) => !hidden(c) && c.textContent.includes('config.sh') && /--token\s+\S/.test(c.textContent),
    );
  };

  // The accessible name of a tab, as far as tabs name themselves (aria-label, aria-labelledby,
  // else the text).
  bench.tabName = (t) => {
    const byIds = (t.getAttribute('aria-labelledby') || '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => (document.getElementById(id) || {}).textContent || '')
      .join(' ');
    return (t.getAttribute('aria-label') || byIds || t.textContent).replace(/\s+/g, ' ').trim();
  };
  // A tab's panel has content: visible, not empty, and nothing in it busy (aria-busy).
  bench.panelReady = (tab) => () => {
    const id = tab.getAttribute('aria-controls');
    let panel = id && document.getElementById(id);
    if (!panel && tab.id)
      panel = document.querySelector(`[role=tabpanel][aria-labelledby~="${CSS.escape(tab.id)}"]`);
    if (!panel) panel = [...document.querySelectorAll('[role=tabpanel]')].find((p) => !hidden(p));
    return (
      !!panel &&
      !hidden(panel) &&
      panel.textContent.trim() !== '' &&
      panel.getAttribute('aria-busy') !== 'true' &&
      !panel.querySelector('[aria-busy=true]')
    );
  };

  // Clicks on the submit button and on tabs: the event's own time (for a real click, when the
  // input arrived), so the wait for the page's main thread to take it is part of the measure.
  addEventListener(
    'click',
    (e) => {
      const t = e.target instanceof Element ? e.target : null;
      if (!t) return;
      const now = performance.now();
      const at = e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now;
      if (t.closest('form button[type=submit]')) mark('click', at);
      if (t.closest('[role=tab]')) mark('tab click', at);
    },
    true,
  );
})();
