// A page the server rendered (ADR 0013) is readable before any script runs. This loads the app once that page has
// painted, instead of beside the stylesheet: on a slow phone connection some 30 modules would otherwise share the
// line with the stylesheet the first paint waits for. The entry's own imports bring the rest (adding 30 preload links
// here took longer on a slow phone than the round trip they save). In a background tab, where nothing paints, it
// loads at once.
(() => {
  const entry = document.currentScript?.dataset.entry;
  if (!entry) return;
  const load = () => {
    const app = document.createElement('script');
    app.type = 'module';
    app.src = entry;
    document.head.append(app);
  };
  if (document.visibilityState === 'hidden') load();
  else requestAnimationFrame(() => setTimeout(load, 0));
})();
