import type { Agenda, AgendaTopic, TopicView } from '../../consultation/api';
import { ALL_TOPICS, NO_TOPIC, type TopicEntry } from '../../consultation/topicGroups';
import { STATUSES, LAYERS, type Layer } from '../../data/layers';
import { interpolate, type Params } from '../../i18n';
import { agendaEn, agendaZh, type AgendaKey } from '../../i18n/agendaStrings';
import { app } from '../appState.svelte';
import { comments } from '../comments/commentsModel.svelte';
import { writeHash } from '../permalink';
import { stringsLang } from '../tr.svelte';
import { sessionModel } from './sessionModel.svelte';

/**
 * The session's agenda on this screen (loaded with the session code, never on
 * the first load): the topics, the one discussed now, and following it. When
 * the facilitator pushes a topic, a participant's map and reader move there,
 * unless the person is writing a comment: then the draft stays where it is and
 * a notice offers to go there. The projector always follows; the facilitator's
 * own screen does not (they are the one moving it).
 */
class AgendaModel {
  agenda = $state.raw<Agenda | null>(null);
  /** A topic pushed while this person was writing: offered, not forced. */
  notice = $state.raw<AgendaTopic | null>(null);
  /** The 意见 list's 议题 filter (a topic id, or all / none) and its grouping under topic headings. */
  listTopic = $state<string>(ALL_TOPICS);
  listGrouped = $state(false);
}

export const agendaModel = new AgendaModel();

/** The topic discussed now, or null. */
export function currentTopic(agenda: Agenda | null = agendaModel.agenda): AgendaTopic | null {
  const id = agenda?.current?.topicId;
  return (id && agenda?.topics.find((t) => t.id === id)) || null;
}

/** An agenda string in the UI's language (reactive, like `tr`). */
export function agendaText(key: AgendaKey, params?: Params): string {
  const table = stringsLang() === 'en' ? agendaEn : agendaZh;
  return interpolate(table[key], params);
}

/** "§6.1 港城融合": the section reference, when it is a numbered one, then the title. */
export function topicLabel(topic: AgendaTopic): string {
  return topic.section && /^\d/.test(topic.section)
    ? `§${topic.section} ${topic.title}`
    : topic.title;
}

/**
 * A topic heading's title: the topic's label, 议题以外 for none, 已删除的议题 for one
 * no longer on the agenda (which kept no title), numbered when there are several.
 */
export function topicEntryTitle(entry: TopicEntry, index: readonly TopicEntry[]): string {
  if (entry.topic) return topicLabel(entry.topic);
  if (entry.key === NO_TOPIC) return agendaText('topics.none');
  const removed = index.filter((e) => e.removed > 0).length;
  return removed > 1
    ? agendaText('topics.removedNth', { n: entry.removed })
    : agendaText('topics.removed');
}

/** The topic whose screen change this page made (or offered) last. */
let followed: string | null = null;

/** Is the person in the middle of writing a comment (a pin placed, the form open)? */
const writing = () => comments.draft !== null;

/**
 * A new agenda from the server (the first read, or a live `agenda` event).
 * @param ready resolves once the session's own focus is shown (a late joiner's topic goes over it)
 */
export async function receiveAgenda(agenda: Agenda, ready?: Promise<void>): Promise<void> {
  agendaModel.agenda = agenda;
  const topic = currentTopic(agenda);
  if (!topic) {
    followed = null;
    agendaModel.notice = null;
    return;
  }
  if (topic.id === followed) return;
  followed = topic.id;
  const projector = sessionModel.screen === 'projector';
  if (sessionModel.facilitator && !projector) return;
  if (ready) await ready;
  if (writing() && !projector) {
    agendaModel.notice = topic;
    return;
  }
  agendaModel.notice = null;
  await showTopic(topic);
}

export function resetAgenda(): void {
  agendaModel.agenda = null;
  agendaModel.notice = null;
  agendaModel.listTopic = ALL_TOPICS;
  followed = null;
}

/** The notice's button: go to the topic now (the draft is kept as a draft). */
export function goToNotice(): void {
  const topic = agendaModel.notice;
  agendaModel.notice = null;
  if (topic) void showTopic(topic);
}

export function dismissNotice(): void {
  agendaModel.notice = null;
}

const YEARS: Record<string, 2025 | 2035 | 'unspecified'> = {
  '2025': 2025,
  '2035': 2035,
  unspecified: 'unspecified',
};

/** Move the map and the reader to a topic: its saved view, then its section. */
export async function showTopic(topic: AgendaTopic): Promise<void> {
  while (!(app.mapReady && app.features && app.plan && app.map)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const view = topic.view;
  if (view) {
    if (view.layers) {
      const wanted: readonly string[] = view.layers;
      app.visibleLayers = LAYERS.filter((l: Layer) => wanted.includes(l));
    }
    app.filters = {
      statuses: STATUSES.filter((s) => view.status?.includes(s)),
      horizon: (view.year && YEARS[view.year]) || null,
      zone: view.zone && app.featureById.has(view.zone) ? view.zone : null,
    };
    app.selectedFeature = view.feature && app.featureById.has(view.feature) ? view.feature : null;
    if (view.map) app.map!.jumpTo({ center: [view.map.lon, view.map.lat], zoom: view.map.zoom });
  }
  if (topic.section) {
    app.openSection = topic.section;
    app.panel = 'reader';
  } else {
    app.panel = 'comments';
  }
  app.panelOpen = true;
  app.announcement = agendaText('agenda.switched', { topic: topicLabel(topic) });
  writeHash();
}

/** The map as it is now, as a topic's saved view (the permalink's view, layers and filters). */
export function currentView(): TopicView {
  const view: TopicView = { layers: [...app.visibleLayers] };
  const map = app.map;
  if (map) {
    const c = map.getCenter();
    view.map = {
      zoom: Math.round(map.getZoom() * 100) / 100,
      lat: Math.round(c.lat * 1e5) / 1e5,
      lon: Math.round(c.lng * 1e5) / 1e5,
    };
  }
  const { statuses, horizon, zone } = app.filters;
  if (statuses.length) view.status = [...statuses];
  if (horizon !== null) view.year = String(horizon);
  if (zone) view.zone = zone;
  if (app.selectedFeature) view.feature = app.selectedFeature;
  return view;
}

/** The section open in the reader, when it is one a topic can name. */
export function currentSection(): string | null {
  const section = app.openSection;
  return section && /^(\d{1,2}(\.\d{1,2})?|box\d{1,2}|table[12]|fn\d{1,2})$/.test(section)
    ? section
    : null;
}
