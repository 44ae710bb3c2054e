/**
 * The session code that is not needed to draw the map: the live layer over the
 * map (banners, QR screen, projector view) with the session controller. Loaded
 * by `SessionHost` after the first draw, or at once for a join link.
 */
// The session's Chinese strings come with this chunk, before any of its components renders.
import '../../i18n/sessionStringsZh';
export { default as SessionLayer } from './SessionLayer.svelte';
