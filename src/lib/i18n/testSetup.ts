import { loadStrings } from './index';
// …and the session's Chinese strings, which the app adds with the session code.
import './sessionStringsZh';

// Unit tests see both languages, as the app does once English was asked for (its own chunk).
await loadStrings('en');
