// A page the server rendered (ADR 0013) is readable before any script runs. This loads the app once that page has
// painted, instead of beside the stylesheet: on a slow phone connection some 30 modules would otherwise share the
// line with the stylesheet the first paint waits for. In a background tab, where nothing paints, it loads at once.
(() => {
  const script = document.currentScript;
  const entry = script?.dataset.entry;
  if (!entry) return;
  const modules = (script.dataset.preload ?? '').split(' ').filter(Boolean);
  let started = false;
  const load = () => {
    if (started) return;
    started = true;
    for (const href of modules) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.append(link);
    }
    const app = document.createElement('script');
    app.type = 'module';
    app.src = entry;
    document.head.append(app);
  };
  if (document.visibilityState === 'hidden') load();
  else requestAnimationFrame(() => setTimeout(load, 0));
})();
