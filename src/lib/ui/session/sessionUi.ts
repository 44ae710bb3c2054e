/**
 * The session code that is not needed to draw the map: the live layer over the
 * map (banners, QR screen, projector view) with the session controller. Loaded
 * by `SessionHost` after the first draw, or at once for a join link.
 */
export { default as SessionLayer } from './SessionLayer.svelte';
