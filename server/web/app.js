// plainsight inspector. Plain JavaScript, no build step, no dependencies.
//
// Offsets in a report are UTF-8 byte offsets, so the page keeps the bytes it
// sent and slices them at finding boundaries, decoding each piece on its
// own: no mapping between byte and UTF-16 offsets is needed, and invalid
// bytes stay where they were.
//
// Large inputs: the DOM is built off the document in chunks, yielding to
// the browser between them so that the page stays responsive, then
// attached at once so that the text is laid out once, not once per chunk.
// All interaction goes through a few delegated listeners, never one per
// character. User text is only ever set with textContent.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const KINDS = JSON.parse($('kinds').textContent);
  const KIND = Object.create(null);
  for (const k of KINDS) KIND[k.kind] = k;
  const MARKER = {
    'lookalike-in-word': 'L', 'lookalike-word': 'W', 'fancy-letter': 'F', 'invisible': 'I',
    'bidi-control': 'B', 'hidden-payload': 'H', 'combining-marks': 'Z', 'unusual-space': 'S',
    'control-character': 'C', 'private-use': 'P', 'unassigned': 'U', 'mixed-digits': 'D',
    'invalid-utf8': 'X', 'confusable-identifier': 'N',
  };
  // Kinds whose characters are invisible or reorder the display: they are
  // shown as a visible label instead of as themselves.
  const LABELLED = new Set(['invisible', 'bidi-control', 'hidden-payload', 'control-character', 'invalid-utf8']);
  const SEV = { info: 1, warning: 2, error: 3 };
  const CHUNK = 1500; // DOM nodes built between two yields
  const BLOCK = 300; // nodes per block of text (cut at a line break)
  const PAGE = 500; // findings listed per "show more"

  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  const st = {
    file: null, // bytes of an opened or dropped file, until the text is edited
    fileName: '',
    token: '',
    gen: 0, // bumped by every inspection; stale renders stop
    bytes: null, // what the shown result was computed from
    res: null,
    findings: [],
    order: [], // finding indexes by position
    rank: [], // finding index -> place in order
    marks: [], // finding index -> first element showing it
    cur: -1, // place in order of the selected finding
    selEl: null,
    pinned: false,
    listed: 0,
  };

  const kindClass = (k) => 'k-' + (MARKER[k] ? k : 'other');
  const marker = (k) => MARKER[k] || '?';
  const title = (k) => (KIND[k] ? KIND[k].title : k);
  // yieldTask lets the browser handle input and paint between chunks. A
  // message-channel task is not throttled the way timers and animation
  // frames are in background tabs.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  const frame = () => new Promise((r) => { waiting.push(r); channel.port2.postMessage(0); });
  const hex = (cp) => 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function status(msg, isError) {
    const s = $('status');
    s.textContent = msg;
    s.classList.toggle('error', !!isError);
  }

  function fmtBytes(n) {
    if (n < 1024) return n + ' bytes';
    if (n < 1 << 20) return (n / 1024).toFixed(1) + ' KB';
    return (n / (1 << 20)).toFixed(2) + ' MB';
  }

  function clip(s, n) {
    return s.length > n ? s.slice(0, n) + '…' : s;
  }

  // label is what stands in for characters that would not show or would
  // reorder the display.
  function label(kind, seg, f) {
    if (kind === 'invalid-utf8') {
      const b = Array.from(seg.subarray(0, 6), (x) => x.toString(16).toUpperCase().padStart(2, '0'));
      return '⟨' + b.join(' ') + (seg.length > 6 ? ' …' : '') + '⟩';
    }
    if (kind === 'hidden-payload' && f && f.hidden) return '⟨hidden: ' + clip(f.hidden, 48) + '⟩';
    const cps = Array.from(decoder.decode(seg), (c) => c.codePointAt(0));
    if (!cps.length) return '⟨⟩';
    const shown = cps.slice(0, 3).map(hex).join(' ');
    return '⟨' + shown + (cps.length > 3 ? ' …+' + (cps.length - 3) : '') + '⟩';
  }

  function sevOf(f) {
    return SEV[f.severity] || 0;
  }

  // ---- inspection ----

  async function inspect() {
    const bytes = st.file || encoder.encode($('input').value);
    if (!bytes.length) {
      status('Nothing to inspect: paste some text or open a file first.', true);
      return;
    }
    const gen = ++st.gen;
    $('inspect').disabled = true;
    status('Inspecting ' + fmtBytes(bytes.length) + '…');
    const q = new URLSearchParams({ mode: $('mode').value });
    if (st.fileName) q.set('source', st.fileName);
    const headers = { 'Content-Type': 'text/plain; charset=utf-8' };
    if (st.token) headers.Authorization = 'Bearer ' + st.token;
    const t0 = performance.now();
    let resp, body;
    try {
      resp = await fetch('/v1/clean?' + q.toString(), {
        method: 'POST', headers, body: bytes, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
      });
      body = await resp.json();
    } catch (e) {
      if (gen === st.gen) {
        $('inspect').disabled = false;
        status('Could not reach the plainsight server: ' + e.message, true);
      }
      return;
    }
    if (gen !== st.gen) return;
    $('inspect').disabled = false;
    if (resp.status === 401) {
      $('token-row').hidden = false;
      $('token').focus();
      status(body.error ? body.error.message : 'This server needs an API token.', true);
      return;
    }
    if (!resp.ok) {
      status('The server refused the text (' + resp.status + '): ' + (body.error ? body.error.message : resp.statusText), true);
      return;
    }
    const t1 = performance.now();
    await render(bytes, body, gen);
    if (gen !== st.gen) return;
    const r = body.report.summary;
    status('Inspected ' + fmtBytes(bytes.length) + ': ' + r.findings + ' finding' + (r.findings === 1 ? '' : 's') +
      ' (server ' + Math.round(t1 - t0) + ' ms, page ' + Math.round(performance.now() - t1) + ' ms).');
  }

  async function render(bytes, res, gen) {
    const rep = res.report;
    const fs = rep.findings || [];
    st.bytes = bytes;
    st.res = res;
    st.findings = fs;
    st.order = fs.map((_, i) => i).sort((a, b) => fs[a].start.offset - fs[b].start.offset || fs[b].end.offset - fs[a].end.offset);
    st.rank = new Array(fs.length);
    st.order.forEach((fi, r) => { st.rank[fi] = r; });
    st.marks = new Array(fs.length);
    st.cur = -1;
    st.selEl = null;
    closePanel();
    renderSummary(rep);
    $('results').hidden = false;
    $('findings').textContent = '';
    st.listed = 0;
    renderFindings();
    updatePos();
    await renderText(bytes, fs, gen);
    if (gen !== st.gen) return;
    await renderRestored(gen);
  }

  function renderSummary(rep) {
    const s = rep.summary;
    const v = $('verdict');
    v.textContent = s.verdict;
    v.className = 'verdict ' + (['clean', 'suspicious', 'disguised'].includes(s.verdict) ? s.verdict : '');
    const facts = [
      'score ' + Math.round(s.score) + '/100',
      s.findings + ' finding' + (s.findings === 1 ? '' : 's') + (s.dropped ? ' (' + s.dropped + ' not listed)' : ''),
      fmtBytes(s.bytes) + ', ' + s.lines + ' line' + (s.lines === 1 ? '' : 's'),
    ];
    if (s.scripts && s.scripts.length) {
      facts.push('letters: ' + s.scripts.slice(0, 4).map((x) => x.script + ' ' + Math.round(x.share * 100) + '%').join(', '));
    }
    if (rep.source) facts.unshift(rep.source);
    $('facts').textContent = facts.join(' · ');
    const pl = $('patterns');
    pl.textContent = '';
    for (const p of s.patterns || []) pl.appendChild(el('li', '', p));
    if (!(s.patterns || []).length) {
      pl.appendChild(el('li', 'none', s.findings ? 'No overall pattern; see the findings below.' : 'Nothing disguised was found.'));
    }
    const lg = $('legend');
    lg.textContent = '';
    const counts = s.counts || {};
    const present = KINDS.filter((k) => counts[k.kind] > 0).map((k) => k.kind);
    for (const k of Object.keys(counts)) if (counts[k] > 0 && !KIND[k]) present.push(k);
    for (const k of present) {
      const item = el('span', 'item');
      item.title = KIND[k] ? KIND[k].summary : '';
      item.appendChild(el('span', 'sw ' + kindClass(k), ' '));
      item.appendChild(el('span', '', marker(k) + ' = ' + title(k) + ' (' + counts[k] + ')'));
      lg.appendChild(item);
    }
  }

  // blocks writes text into blocks cut at line breaks. Blocks have
  // content-visibility: auto, so the browser lays out only those on screen:
  // a megabyte of text with tens of thousands of highlights stays quick.
  // The line break where a block ends is the block boundary itself.
  function blocks() {
    const frag = document.createDocumentFragment();
    let blk = el('div', 'blk');
    let n = 0;
    frag.appendChild(blk);
    return {
      text(s) {
        if (n >= BLOCK) {
          const i = s.lastIndexOf('\n');
          if (i >= 0) {
            if (i > 0) blk.appendChild(document.createTextNode(s.slice(0, i)));
            blk = el('div', 'blk');
            frag.appendChild(blk);
            n = 0;
            s = s.slice(i + 1);
          }
        }
        if (s) {
          blk.appendChild(document.createTextNode(s));
          n++;
        }
      },
      node(e) {
        blk.appendChild(e);
        n++;
      },
      // lines puts a long plain text into blocks of a few hundred lines.
      lines(s) {
        const ls = s.split('\n');
        for (let i = 0; i < ls.length; i += BLOCK) {
          if (n > 0) {
            blk = el('div', 'blk');
            frag.appendChild(blk);
          }
          blk.appendChild(document.createTextNode(ls.slice(i, i + BLOCK).join('\n')));
          n = 1;
        }
      },
      into(container) {
        container.classList.toggle('long', frag.childNodes.length > 4);
        container.appendChild(frag);
      },
    };
  }

  // renderText cuts the bytes at every finding boundary; pieces covered by
  // a finding become <mark> elements of the most severe one.
  async function renderText(bytes, fs, gen) {
    const view = $('text-view');
    view.textContent = '';
    const n = bytes.length;
    const cut = new Set([0, n]);
    for (const f of fs) {
      cut.add(Math.min(Math.max(f.start.offset, 0), n));
      cut.add(Math.min(Math.max(f.end.offset, 0), n));
    }
    const bounds = Float64Array.from(cut).sort();
    const out = blocks();
    let active = [];
    let next = 0;
    let made = 0;
    for (let j = 0; j + 1 < bounds.length; j++) {
      const a = bounds[j];
      const b = bounds[j + 1];
      while (next < st.order.length && fs[st.order[next]].start.offset <= a) active.push(st.order[next++]);
      if (active.length) active = active.filter((i) => fs[i].end.offset > a);
      const seg = bytes.subarray(a, b);
      if (!active.length) {
        out.text(decoder.decode(seg));
      } else {
        let p = active[0];
        for (const i of active) if (sevOf(fs[i]) > sevOf(fs[p])) p = i;
        const f = fs[p];
        const m = el('mark', 'f ' + kindClass(f.kind) + ' sev-' + f.severity);
        m.dataset.f = p;
        if (LABELLED.has(f.kind)) {
          m.classList.add('lbl');
          m.textContent = label(f.kind, seg, f);
        } else {
          m.textContent = decoder.decode(seg);
        }
        for (const i of active) if (!st.marks[i]) st.marks[i] = m;
        out.node(m);
      }
      if (++made % CHUNK === 0) {
        await frame();
        if (gen !== st.gen) return;
      }
    }
    out.into(view);
    // Findings of zero width (an insertion point) show at the next mark.
    for (let r = st.order.length - 1, after = null; r >= 0; r--) {
      const i = st.order[r];
      if (st.marks[i]) after = st.marks[i];
      else st.marks[i] = after;
    }
  }

  function renderFindings() {
    const list = $('findings');
    const fs = st.findings;
    const s = st.res.report.summary;
    $('nfindings').textContent = '(' + s.findings + (s.dropped ? ', ' + s.dropped + ' not listed' : '') + ')';
    const frag = document.createDocumentFragment();
    const end = Math.min(st.order.length, st.listed + PAGE);
    for (let r = st.listed; r < end; r++) {
      const i = st.order[r];
      const f = fs[i];
      const li = el('li');
      const a = el('a', '');
      a.href = '#text-view';
      a.dataset.f = i;
      a.appendChild(el('span', 'sw ' + kindClass(f.kind), ' '));
      a.appendChild(el('span', 'where', ' ' + f.start.line + ':' + f.start.column));
      a.appendChild(el('span', 'sev', f.severity));
      a.appendChild(document.createTextNode(title(f.kind) + ': '));
      a.appendChild(el('code', '', LABELLED.has(f.kind) ? label(f.kind, st.bytes.subarray(f.start.offset, f.end.offset), f) : clip(f.word || f.text, 60)));
      if (f.replacement !== undefined && f.replacement !== null) {
        a.appendChild(document.createTextNode(' → '));
        a.appendChild(el('code', '', f.replacement === '' ? '(removed)' : clip(replacedWord(f), 60)));
      }
      li.appendChild(a);
      frag.appendChild(li);
    }
    list.appendChild(frag);
    st.listed = end;
    const more = $('more');
    more.hidden = st.listed >= st.order.length;
    more.textContent = 'Show more findings (' + (st.order.length - st.listed) + ' left)';
  }

  // replacedWord shows the replacement inside its word when the finding
  // names one, so that "Belаrus → Belarus" reads naturally.
  function replacedWord(f) {
    if (!f.word || !f.text || f.word === f.text) return f.replacement;
    const at = f.word.indexOf(f.text);
    if (at < 0) return f.replacement;
    return f.word.slice(0, at) + f.replacement + f.word.slice(at + f.text.length);
  }

  // The restored text, either plain or with each change shown inline: the
  // original struck through, the replacement underlined.
  async function renderRestored(gen) {
    const box = $('restored');
    box.textContent = '';
    const res = st.res;
    const edits = res.edits || [];
    $('restored-help').textContent = edits.length
      ? edits.length + ' change' + (edits.length === 1 ? '' : 's') + '. ' + ($('show-diff').checked ? 'Removed text is struck through (−), inserted text underlined (+).' : '')
      : 'Nothing to restore: the text is unchanged.';
    if (!$('show-diff').checked || !edits.length) {
      const out = blocks();
      out.lines(res.text);
      out.into(box);
      return;
    }
    const bytes = st.bytes;
    const out = blocks();
    let at = 0;
    let made = 0;
    for (const e of edits) {
      if (e.start > at) out.text(decoder.decode(bytes.subarray(at, e.start)));
      if (e.end > e.start) {
        const seg = bytes.subarray(e.start, e.end);
        out.node(el('del', '', LABELLED.has(e.kind) ? label(e.kind, seg, null) : decoder.decode(seg)));
      }
      if (e.replacement) out.node(el('ins', '', e.replacement));
      at = Math.max(at, e.end);
      if (++made % CHUNK === 0) {
        await frame();
        if (gen !== st.gen) return;
      }
    }
    if (at < bytes.length) out.text(decoder.decode(bytes.subarray(at)));
    out.into(box);
  }

  // ---- selection and the details panel ----

  function updatePos() {
    const n = st.order.length;
    $('pos').textContent = n ? (st.cur >= 0 ? st.cur + 1 : '–') + ' of ' + n : 'no findings';
    $('prev').disabled = !n;
    $('next').disabled = !n;
  }

  function select(fi, focus) {
    const m = st.marks[fi];
    if (!m) return;
    if (st.selEl) st.selEl.classList.remove('sel');
    st.selEl = m;
    st.cur = st.rank[fi];
    m.classList.add('sel');
    m.tabIndex = -1;
    m.scrollIntoView({ block: 'center', inline: 'nearest' });
    if (focus) m.focus({ preventScroll: true });
    showPanel(fi, m, true);
    updatePos();
  }

  function step(d) {
    const n = st.order.length;
    if (!n) return;
    const r = st.cur < 0 ? (d > 0 ? 0 : n - 1) : (st.cur + d + n) % n;
    select(st.order[r], true);
  }

  function showPanel(fi, m, pin) {
    const f = st.findings[fi];
    const p = $('panel');
    const body = $('panel-body');
    body.textContent = '';
    const h = el('h3');
    h.appendChild(el('span', 'sw ' + kindClass(f.kind), ' '));
    h.appendChild(document.createTextNode(' ' + title(f.kind)));
    body.appendChild(h);
    body.appendChild(el('p', '', f.message || (KIND[f.kind] ? KIND[f.kind].summary : '')));
    const dl = el('dl');
    const row = (k, v, code) => {
      dl.appendChild(el('dt', '', k));
      const dd = el('dd');
      dd.appendChild(code ? el('code', '', v) : document.createTextNode(v));
      dl.appendChild(dd);
    };
    row('Where', 'line ' + f.start.line + ', column ' + f.start.column + ' (byte ' + f.start.offset + ')');
    row('Severity', f.severity + (f.confidence ? ', confidence ' + Math.round(f.confidence * 100) + '%' : ''));
    if (f.word) row('Word', f.word, true);
    row('Text', LABELLED.has(f.kind) ? label(f.kind, st.bytes.subarray(f.start.offset, f.end.offset), f) : f.text, true);
    if (f.bytes) row('Bytes', f.bytes, true);
    if (f.replacement !== undefined && f.replacement !== null) row('Replacement', f.replacement === '' ? '(removed)' : f.replacement, true);
    if (f.hidden) row('Hidden text', f.hidden, true);
    if (f.context) row('In', f.context);
    body.appendChild(dl);
    if (f.chars && f.chars.length) {
      const t = el('table');
      const hr = el('tr');
      for (const c of ['Char', 'Code point', 'Name', 'Script', 'Looks like']) hr.appendChild(el('th', '', c));
      t.appendChild(hr);
      for (const c of f.chars.slice(0, 40)) {
        const tr = el('tr');
        tr.appendChild(el('td', '', LABELLED.has(f.kind) ? '' : c.char || ''));
        tr.appendChild(el('td', '', c.code_point));
        tr.appendChild(el('td', '', c.name));
        tr.appendChild(el('td', '', c.script));
        tr.appendChild(el('td', '', c.looks_like || ''));
        t.appendChild(tr);
      }
      body.appendChild(t);
      if (f.chars.length > 40) body.appendChild(el('p', 'help', (f.chars.length - 40) + ' more characters'));
    }
    st.pinned = pin;
    p.classList.toggle('pinned', pin);
    p.hidden = false;
    place(p, m);
  }

  function place(p, m) {
    if (window.matchMedia('(max-width: 40rem)').matches) return; // CSS makes it a bottom sheet
    const r = m.getBoundingClientRect();
    const w = p.offsetWidth;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - w - 8));
    let top = r.bottom + 8;
    if (top + p.offsetHeight > window.innerHeight && r.top - p.offsetHeight - 8 > 0) top = r.top - p.offsetHeight - 8;
    p.style.left = left + window.scrollX + 'px';
    p.style.top = top + window.scrollY + 'px';
  }

  function closePanel() {
    $('panel').hidden = true;
    st.pinned = false;
  }

  // ---- input ----

  async function loadFile(file) {
    if (!file) return;
    const buf = new Uint8Array(await file.arrayBuffer());
    st.fileName = file.name;
    let text;
    try {
      text = strict.decode(buf);
    } catch (e) {
      text = decoder.decode(buf);
      status(file.name + ' is not valid UTF-8: the box shows it with replacement characters, and the original bytes are inspected.');
    }
    $('input').value = buf.length <= 4 << 20 ? text : text.slice(0, 1 << 20) + '\n…(' + fmtBytes(buf.length) + ' file: the whole file is inspected)';
    st.file = buf; // the exact bytes, with any CR LF and invalid bytes
    inspect();
  }

  function wire() {
    $('inspect').addEventListener('click', inspect);
    $('clear').addEventListener('click', () => {
      st.gen++;
      st.file = null;
      st.fileName = '';
      $('input').value = '';
      $('results').hidden = true;
      closePanel();
      status('');
      $('input').focus();
    });
    $('input').addEventListener('input', () => { st.file = null; st.fileName = ''; });
    $('input').addEventListener('paste', () => setTimeout(inspect, 0));
    $('file').addEventListener('change', (e) => loadFile(e.target.files[0]));
    // A file dropped anywhere on the page is inspected; without this the
    // browser would leave the page to show the file.
    // Dropped text goes into the box as usual.
    const drop = $('drop');
    const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
    document.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      drop.classList.add('over');
    });
    document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) drop.classList.remove('over'); });
    document.addEventListener('drop', (e) => {
      drop.classList.remove('over');
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer.files.length) loadFile(e.dataTransfer.files[0]);
    });
    $('token-ok').addEventListener('click', () => {
      st.token = $('token').value.trim();
      $('token-row').hidden = true;
      inspect();
    });
    $('token').addEventListener('keydown', (e) => { if (e.key === 'Enter') $('token-ok').click(); });

    // One listener each for every mark and every finding link.
    const view = $('text-view');
    view.addEventListener('click', (e) => {
      const m = e.target.closest('mark.f');
      if (m) select(+m.dataset.f, false);
    });
    view.addEventListener('mouseover', (e) => {
      const m = e.target.closest('mark.f');
      if (m && !st.pinned) showPanel(+m.dataset.f, m, false);
    });
    view.addEventListener('mouseleave', () => { if (!st.pinned) closePanel(); });
    $('findings').addEventListener('click', (e) => {
      const a = e.target.closest('a[data-f]');
      if (!a) return;
      e.preventDefault();
      select(+a.dataset.f, true);
    });
    $('more').addEventListener('click', renderFindings);
    $('prev').addEventListener('click', () => step(-1));
    $('next').addEventListener('click', () => step(1));
    $('panel-close').addEventListener('click', () => {
      closePanel();
      if (st.selEl) st.selEl.focus();
    });
    $('show-diff').addEventListener('change', () => { if (st.res) renderRestored(st.gen); });
    $('copy').addEventListener('click', copy);

    document.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        inspect();
        return;
      }
      const typing = e.target.closest && e.target.closest('textarea, input, select');
      if (e.key === 'Escape' && !$('panel').hidden) {
        closePanel();
        if (st.selEl) st.selEl.focus();
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey || $('results').hidden) return;
      if (e.key === 'n' || e.key === 'j') { e.preventDefault(); step(1); }
      if (e.key === 'p' || e.key === 'k') { e.preventDefault(); step(-1); }
    });
  }

  async function copy() {
    if (!st.res) return;
    const text = st.res.text;
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const t = el('textarea');
      t.value = text;
      t.className = 'visually-hidden';
      document.body.appendChild(t);
      t.select();
      document.execCommand('copy');
      t.remove();
    }
    status('Copied the restored text (' + fmtBytes(encoder.encode(text).length) + ').');
  }

  wire();
})();
