import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { setUpServiceWorker } from './lib/offline/serviceWorker';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

setUpServiceWorker();

export default mount(App, { target });
