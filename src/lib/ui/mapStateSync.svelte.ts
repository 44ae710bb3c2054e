import type maplibregl from 'maplibre-gl';
import { maplibreLocale } from '../i18n';
import { addAttribution } from '../map/attribution';
import { setMapState } from '../map/mapState';
import { app } from './appState.svelte';
import { presenter, presenterScale } from './presenter.svelte';
import { stringsLang } from './tr.svelte';

/**
 * Keep the map's global state (language, presenter scale, selection, chosen zone) and its attribution in
 * step with the app. Call once from the map component's setup; the effects live as long as it.
 */
export function syncMapState(): void {
  let control: maplibregl.AttributionControl | undefined;
  let shownLang: string | undefined;
  $effect(() => {
    const map = app.map;
    if (!map || !app.mapReady) return;
    setMapState(map, 'lang', app.lang);
    const lang = stringsLang();
    if (shownLang !== lang) {
      // The control takes its toggle's name from MapLibre's `_locale` table when it is added,
      // and this effect runs before MapView's own locale swap: swap the table first.
      map._locale = { ...map._locale, ...maplibreLocale(lang) };
      control = addAttribution(map, lang, control);
      shownLang = lang;
    }
  });
  $effect(() => {
    if (app.map && app.mapReady) setMapState(app.map, 'scale', presenterScale());
  });
  $effect(() => {
    if (app.map && app.mapReady) setMapState(app.map, 'selected', app.selectedFeature ?? '');
  });
  $effect(() => {
    if (app.map && app.mapReady) setMapState(app.map, 'chosenZone', app.filters.zone ?? '');
  });
  $effect(() => {
    document.documentElement.classList.toggle('presenter', presenter.on);
  });
}
