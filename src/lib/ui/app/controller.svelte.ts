import type { PlanFeature } from '../../data/features';
import { pinPoint } from '../../geo/pinPoint';
import { layerKey } from '../../i18n';
import { afterDataSettles, focusFeatures } from '../../map/focus';
import { afterFirstDraw, firstDrawFailed } from '../../map/ready';
import { app } from '../appState.svelte';
import { loadCommentsUi } from '../comments/loader.svelte';
import { commentOn } from '../comments/placing';
import { interaction } from '../interaction.svelte';
import { preloadLazyParts } from './lazyParts';
import { loadPlanData } from '../loadData';
import { applyHash, writeHash } from '../permalink';
import { layerNotice } from '../revealLayer.svelte';
import { presenter } from '../presenter.svelte';
import { refLabel } from '../refLabel';
import { tour } from '../tour/tourState.svelte';
import { nameOf, tr } from '../tr.svelte';

/**
 * The app's wiring, apart from its layout (App.svelte): loading the data, the permalink and
 * history, the document's language and title, announcements, and loading the comments code.
 * Call once when the app mounts; the returned function undoes everything it set up.
 */
export function startApp(): () => void {
  const loading = loadPlanData();
  const failed = (error: Error) => {
    app.loadError = tr('error.dataLoad', { message: error.message });
    firstDrawFailed();
  };
  loading.features.then((features) => (app.features = features)).catch(failed);
  loading.plan.then((plan) => (app.plan = plan)).catch(failed);

  const onPop = () => {
    applyHash(location.hash);
    if (app.map) afterDataSettles(app.map, focusOnState);
  };
  window.addEventListener('popstate', onPop);
  // The comments code (pins, panel, storage) stays off the first load: it comes once the
  // map is drawn, or as soon as the comments are asked for (the first effect below).
  afterFirstDraw(() => void loadCommentsUi().catch(() => {}));
  afterFirstDraw(preloadLazyParts);

  let hashApplied = false;
  const stopEffects = $effect.root(() => {
    $effect(() => {
      if (app.panel === 'comments' || interaction.mode === 'comment') {
        void loadCommentsUi().catch(() => {});
      }
    });
    // Apply the hash once the map and the data are there; from then on, mirror the state in it.
    $effect(() => {
      if (hashApplied || !app.mapReady || !app.features || !app.plan) return;
      hashApplied = true;
      const state = applyHash(location.hash, { first: true });
      // The link's view is the map's first camera (initialCamera); other links fit what they name.
      if (!state.map && app.map) afterDataSettles(app.map, focusOnState);
      app.map?.on('moveend', writeHash);
    });
    $effect(() => {
      // Dependencies: everything the hash carries.
      void [
        app.selectedFeature,
        app.openSection,
        app.panel,
        app.visibleLayers,
        app.lang,
        tour.step,
        app.filters.statuses,
        app.filters.horizon,
        app.filters.zone,
        presenter.on,
      ];
      if (hashApplied) writeHash();
    });
    $effect(() => {
      document.documentElement.lang = app.lang === 'en' ? 'en' : 'zh-CN';
      document.title = tr('app.title');
    });
    $effect(() => {
      const selected = app.selected;
      if (selected) {
        const p = selected.properties;
        const notice = layerNotice.layer === p.layer ? `。${layerNotice.text}` : '';
        app.announcement = `${nameOf(p)}，${tr(layerKey(p.layer))}${notice}`;
      }
    });
    $effect(() => {
      if (app.openSection && app.panel === 'reader') {
        app.announcement = `${refLabel(app.openSection)}：${tr('reader.placesInSection')} ${app.sectionPlaces.length}`;
      }
    });
  });

  return () => {
    window.removeEventListener('popstate', onPop);
    app.map?.off('moveend', writeHash);
    stopEffects();
  };
}

/** After following a link or history, show what it names. */
function focusOnState(): void {
  if (!app.map) return;
  if (app.selected) focusFeatures(app.map, [app.selected]);
  else if (app.sectionPlaces.length) focusFeatures(app.map, app.sectionPlaces, 11);
}

/** Frame one feature on the map (the card's "zoom to"). */
export function zoomToFeature(feature: PlanFeature): void {
  if (app.map) focusFeatures(app.map, [feature]);
}

/** Start a comment pinned on a feature: on a point, the middle of a line, an area's label point. */
export function commentOnFeature(feature: PlanFeature): void {
  const at = pinPoint(feature.geometry, feature.properties.label_point);
  if (at) commentOn(feature.properties.id, at);
}
