import { loadStrings } from './index';

// Unit tests see both languages, as the app does once English was asked for (its own chunk).
await loadStrings('en');
