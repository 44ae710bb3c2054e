import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { prefetchBasemap } from './lib/map/basemapPrefetch';
import { setUpServiceWorker } from './lib/offline/serviceWorker';
import { dataUrl } from './lib/ui/dataUrl';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Before anything else: the map's base-map sources take these responses (basemapPrefetch.ts).
prefetchBasemap(dataUrl);
setUpServiceWorker();

export default mount(App, { target });
