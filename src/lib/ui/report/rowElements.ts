import type { RowView } from './reportRows';

/**
 * The rows of one block of the 采纳情况 table, built as plain DOM: rows that never
 * change once shown need none of a component's bookkeeping (at 20,000 comments,
 * an effect per row and per cell was most of the page's script time and garbage).
 * Everything is set as text (`textContent`), never parsed as HTML.
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
  const added = rows.map((row) => {
    const tr = doc.createElement('tr');
    tr.dataset.id = row.id;
    if (row.hidden) tr.classList.add('hidden');
    if (row.pending) tr.classList.add('pending');
    const text = element('td', 'text', row.text);
    if (row.hiddenFlag) text.append(element('span', 'flag', row.hiddenFlag));
    if (row.hiddenReason) text.append(element('span', 'why', row.hiddenReason));
    if (row.pendingFlag) text.append(element('span', 'flag', row.pendingFlag));
    const state = element('span', 'state', row.stateName);
    state.dataset.state = row.state;
    const answer = element('td', 'answer');
    answer.append(state);
    const reply = element('td', 'reply', row.reply);
    for (const note of row.notes) reply.append(element('span', 'why', note));
    tr.append(
      element('td', 'place', row.place),
      element('td', 'kind', row.kind),
      text,
      element('td', 'num supports', row.supports),
      answer,
      reply,
    );
    return tr;
  });
  tbody.append(...added);
  return added;
}
