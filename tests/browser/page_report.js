(phone) => {
  // What one page reports to the browser walk (tests/browser/walking.py).
  const html = document.documentElement;
  const report = {
    overflow: html.scrollWidth - html.clientWidth,
    title: document.head.querySelector('title') ? document.head.querySelector('title').textContent : '',
    titles: document.head.querySelectorAll('title').length,
    describedby: [],
    small: [],
    csp: window.__cspViolations || [],
  };
  for (const el of document.querySelectorAll('[aria-describedby]')) {
    for (const id of el.getAttribute('aria-describedby').split(/\s+/)) {
      if (id && !document.getElementById(id)) report.describedby.push(el.id + ' -> ' + id);
    }
  }
  if (!phone) return report;
  const block = (el) => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
    return node;
  };
  const inText = (el) => {
    if (!getComputedStyle(el).display.startsWith('inline') || getComputedStyle(el).display === 'inline-block' || getComputedStyle(el).display === 'inline-flex') return false;
    const parent = block(el);
    if (!parent) return false;
    const clone = parent.cloneNode(true);
    for (const link of clone.querySelectorAll('a')) link.remove();
    return clone.textContent.trim().length > 0;
  };
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
  for (const el of document.querySelectorAll(selector)) {
    let target = el;
    if ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) target = el.closest('label');
    const box = target.getBoundingClientRect();
    const style = getComputedStyle(target);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    if (box.right <= 0 || box.bottom <= 0 || target.closest('.visually-hidden, [aria-hidden=true]')) continue;
    if (el.tagName === 'A' && inText(el)) continue;
    if (box.width < 43.5 || box.height < 43.5) {
      const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.id || '').trim().slice(0, 30);
      report.small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  report.small = report.small.slice(0, 8);
  return report;
}
