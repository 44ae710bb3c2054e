/**
 * The language of text people wrote (a session title): Chinese when it has Han
 * characters, so an English page reads it out as Chinese, not as its own chrome.
 */
export const writtenLang = (text: string): string | undefined =>
  /[\u3400-\u9fff]/.test(text) ? 'zh-CN' : undefined;
