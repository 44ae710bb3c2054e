import type { RowView } from './reportRows';

/**
 * The rows of one block of the 采纳情况 table, built as plain DOM: rows that never
 * change once shown need none of a component's bookkeeping (at 20,000 comments,
 * an effect per row and per cell was most of the page's script time and garbage).
 * Each row is a copy of one empty row (one clone is cheaper than eight elements
 * made and named one by one) with its cells' text set. Everything is set as text
 * (`textContent`), never parsed as HTML.
 * @returns the rows appended, to take out again
 */
export function appendRows(tbody: HTMLElement, rows: readonly RowView[]): HTMLElement[] {
  const doc = tbody.ownerDocument;
  const element = (tag: string, className: string, text = '') => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const empty = doc.createElement('tr');
  const answer = element('td', 'answer');
  answer.append(element('span', 'state'));
  empty.append(
    element('td', 'place'),
    element('td', 'kind'),
    element('td', 'text'),
    element('td', 'num supports'),
    answer,
    element('td', 'reply'),
  );
  const added = rows.map((row) => {
    const tr = empty.cloneNode(true) as HTMLElement;
    tr.setAttribute('data-id', row.id);
    if (row.hidden) tr.classList.add('hidden');
    if (row.pending) tr.classList.add('pending');
    const [place, kind, text, supports, answer, reply] = tr.children as unknown as HTMLElement[];
    place!.textContent = row.place;
    kind!.textContent = row.kind;
    text!.textContent = row.text;
    if (row.hiddenFlag) text!.append(element('span', 'flag', row.hiddenFlag));
    if (row.hiddenReason) text!.append(element('span', 'why', row.hiddenReason));
    if (row.pendingFlag) text!.append(element('span', 'flag', row.pendingFlag));
    supports!.textContent = row.supports;
    const state = answer!.firstElementChild as HTMLElement;
    state.textContent = row.stateName;
    state.setAttribute('data-state', row.state);
    if (row.reply) reply!.textContent = row.reply;
    for (const note of row.notes) reply!.append(element('span', 'why', note));
    return tr;
  });
  tbody.append(...added);
  return added;
}
