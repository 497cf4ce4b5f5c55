/*
 * Showroom chat widget — embed on any dealer page with one tag:
 *
 *   <script src="https://DEALER-HOST/widget.js" data-store="sh-pudong" data-key="pk_..." async></script>
 *
 * Optional attributes: data-stock-number / data-vin (vehicle detail page: the session opens about that car,
 * and a conversation resumed from another page moves to that car), data-locale (overrides <html lang>),
 * data-title (panel title), data-accent (CSS colour).
 *
 * One widget per page. A page that offers several stores (the demo group page) switches it with
 * ShowroomWidget.switchStore({store, key, locale}); each store keeps its own saved conversation.
 *
 * Everything lives in a shadow root, so page styles and widget styles never meet. The API is the one
 * of shared/spec/api.md (public part); its base URL is this script's own origin. Plain JavaScript, no
 * dependencies, no build step. Server data is only ever put into the page as text (never as HTML).
 */
(function () {
  'use strict';

  if (window.ShowroomWidget) return; // included twice: the first copy wins

  var script = document.currentScript ||
    document.querySelector('script[src*="widget.js"][data-store]');
  if (!script) return;

  var ds = script.dataset;
  var BASE = new URL(script.src, location.href).origin;
  var STORE = ds.store || '';
  var KEY = ds.key || '';
  var PAGE_STOCK = ds.stockNumber || '';
  var PAGE_VIN = ds.vin || '';
  var PAGE_LOCALE = ds.locale || document.documentElement.lang || navigator.language || 'en';
  var POLL_MS = 5000;
  var MAX_INPUT = 2000;
  var STORAGE_PREFIX = 'showroom.session.v1:';
  var STORAGE_KEY = STORAGE_PREFIX + STORE;

  // ---------------------------------------------------------------------------------------------
  // UI strings, both languages.

  var STRINGS = {
    en: {
      launcher: 'Chat', launcherLabel: 'Chat with a sales assistant', dialog: 'Chat with the dealership',
      title: 'Sales assistant', subtitle: 'Usually answers in seconds', close: 'Close chat',
      newChat: 'New chat', newChatLabel: 'Start a new conversation', log: 'Conversation',
      input: 'Your message', placeholder: 'Ask about cars, prices, test drives…', send: 'Send',
      you: 'You', assistant: 'Assistant', staff: 'Sales consultant', thinking: 'Thinking…',
      connecting: 'Connecting…',
      tools: {
        search_inventory: 'Searching inventory…', get_vehicle: 'Looking up the vehicle…',
        compare_models: 'Comparing models…', recommend: 'Finding good matches…',
        quote_price: 'Working out the price…', estimate_payment: 'Estimating payments…',
        appraise_trade_in: 'Estimating your trade-in…', book_test_drive: 'Booking your test drive…',
        create_lead: 'Passing you to our team…', dealer_info: 'Checking store details…', '*': 'Working on it…'
      },
      agents: {
        catalog: 'Vehicle specialist', recommendation: 'Buying advisor', pricing: 'Pricing and finance',
        booking: 'Appointments', concierge: 'Concierge'
      },
      condition: { new: 'New', used: 'Used', cpo: 'Certified pre-owned' },
      range: function (n, miles) { return 'Range ' + n + (miles ? ' mi' : ' km'); },
      mileage: function (n, miles) { return n + (miles ? ' mi' : ' km'); },
      stock: function (s) { return 'Stock ' + s; },
      askAbout: function (s) { return 'Tell me about ' + s; },
      askAboutPrefix: 'Ask about: ',
      testDrive: 'Test drive', testDriveLabel: function (name) { return 'Book a test drive in the ' + name; },
      quoteTitle: 'Out-the-door estimate', total: 'Total',
      bookTitle: 'Book a test drive', vehicle: 'Vehicle', name: 'Name', phone: 'Phone', slot: 'Time',
      slotPick: 'Choose a time', slotsLoading: 'Loading free times…',
      slotsNone: 'No free times could be loaded. Pick a time and the store will confirm it.',
      consent: 'I agree that the dealership may contact me about this request.',
      submit: 'Book test drive', cancel: 'Cancel',
      nameRequired: 'Please enter your name.', phoneInvalid: 'Please enter a valid phone number.',
      slotRequired: 'Please choose a time.', consentRequired: 'Please agree to be contacted so we can confirm.',
      bookingText: function (b) {
        return 'Book a test drive' + (b.stock_number ? ' for ' + b.stock_number : '') + ' on ' + formatSlot(b.start) +
          ', name ' + b.name + ', phone ' + b.phone + ', I consent to be contacted';
      },
      errNetwork: 'We can’t reach the assistant right now. Please check your connection and try again.',
      errRate: function (s) {
        return s ? 'You’re sending messages quickly. Please try again in ' + s + ' seconds.'
          : 'You’re sending messages quickly. Please wait a moment and try again.';
      },
      errTooLong: 'That message is too long. Please shorten it and try again.',
      errExpired: 'Your previous chat has expired, so we started a new one.',
      errUnavailable: 'The assistant isn’t available on this page right now. Please call the store instead.',
      errGeneric: 'Sorry, something went wrong. Please try again.',
      errInterrupted: 'The answer was interrupted. Please try again.'
    },
    zh: {
      launcher: '在线咨询', launcherLabel: '在线咨询：与购车顾问聊天', dialog: '与门店在线顾问聊天',
      title: '在线购车顾问', subtitle: '通常几秒内回复', close: '关闭聊天',
      newChat: '新对话', newChatLabel: '开始新的对话', log: '对话记录',
      input: '输入消息', placeholder: '问问车型、价格、试驾…', send: '发送',
      you: '我', assistant: '顾问', staff: '销售顾问', thinking: '正在思考…',
      connecting: '正在连接…',
      tools: {
        search_inventory: '正在查询库存…', get_vehicle: '正在查询车辆信息…', compare_models: '正在对比车型…',
        recommend: '正在为您挑选…', quote_price: '正在计算落地价…', estimate_payment: '正在估算月供…',
        appraise_trade_in: '正在评估旧车价值…', book_test_drive: '正在为您预约…', create_lead: '正在转交销售团队…',
        dealer_info: '正在查询门店信息…', '*': '正在处理…'
      },
      agents: {
        catalog: '车型顾问', recommendation: '购车推荐顾问', pricing: '价格与金融顾问',
        booking: '预约顾问', concierge: '接待顾问'
      },
      condition: { new: '新车', used: '二手车', cpo: '官方认证二手' },
      range: function (n, miles) { return '续航 ' + n + (miles ? ' 英里' : ' 公里'); },
      mileage: function (n, miles) { return '里程 ' + n + (miles ? ' 英里' : ' 公里'); },
      stock: function (s) { return '库存号 ' + s; },
      askAbout: function (s) { return '介绍一下 ' + s; },
      askAboutPrefix: '咨询：',
      testDrive: '预约试驾', testDriveLabel: function (name) { return '预约试驾 ' + name; },
      quoteTitle: '落地价估算', total: '合计',
      bookTitle: '预约试驾', vehicle: '车辆', name: '姓名', phone: '手机号', slot: '时间',
      slotPick: '请选择时间', slotsLoading: '正在加载可预约时间…',
      slotsNone: '暂时无法加载可预约时段，请填写期望时间，门店会与您确认。',
      consent: '我同意门店就本次预约与我联系。',
      submit: '提交预约', cancel: '取消',
      nameRequired: '请填写姓名。', phoneInvalid: '请填写正确的手机号。',
      slotRequired: '请选择时间。', consentRequired: '需要您同意联系，门店才能确认预约。',
      bookingText: function (b) {
        return '预约试驾' + (b.stock_number ? ' ' + b.stock_number : '') + ' 时间 ' + formatSlot(b.start) +
          ' 姓名 ' + b.name + ' 电话 ' + b.phone + ' 同意联系';
      },
      errNetwork: '暂时无法连接在线顾问，请检查网络后重试。',
      errRate: function (s) { return s ? '消息发送太频繁，请 ' + s + ' 秒后再试。' : '消息发送太频繁，请稍后再试。'; },
      errTooLong: '消息太长了，请精简后再发送。',
      errExpired: '之前的对话已过期，已为您开始新的对话。',
      errUnavailable: '在线顾问暂时无法在此页面使用，请直接致电门店。',
      errGeneric: '抱歉，出了点问题，请重试。',
      errInterrupted: '回复中断了，请重试。'
    }
  };

  function langOf(locale) { return /^zh/i.test(locale || '') ? 'zh' : 'en'; }
  function intlLocale() { return state.lang === 'zh' ? 'zh-CN' : 'en-US'; }
  function t(key) { return STRINGS[state.lang][key]; }

  /** The language a customer typed in, or null when the text does not say (a stock number, "ok"). */
  function detectLanguage(text) {
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return 'zh';
    var words = text.match(/[A-Za-z]{2,}/g) || [];
    return words.length >= 2 ? 'en' : null;
  }

  // ---------------------------------------------------------------------------------------------
  // State.

  var state = {
    lang: langOf(PAGE_LOCALE),
    open: false,
    session: null,        // {id, token}
    starting: null,       // Promise while a session is being made
    started: false,       // transcript loaded or session created for this page
    messages: [],         // mirror of the server transcript (what is rendered)
    busy: false,          // a turn is in flight (no polling meanwhile)
    turns: 0,
    vehicles: {},         // stock number -> last vehicle card seen
    focusStock: PAGE_STOCK, // the car the customer is looking at
    pollTimer: 0,
    blockedUntil: 0,      // after a 429: no sending before this time (ms)
    booking: null,        // open booking form {el, opener}
    ready: null,          // Promise: the first transcript or greeting of this page is shown
    contact: { name: '', phone: '' }
  };

  // ---------------------------------------------------------------------------------------------
  // Storage (may be unavailable: private windows, blocked third-party storage).

  function loadStored() {
    try {
      var s = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      return s && s.session_id && s.session_token ? { id: s.session_id, token: s.session_token } : null;
    } catch (e) { return null; }
  }
  function saveStored(s) {
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify({ session_id: s.id, session_token: s.token })); } catch (e) { /* not kept */ }
  }
  function clearStored() { try { localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing */ } }

  // ---------------------------------------------------------------------------------------------
  // HTTP.

  function ApiError(status, code, message, retryAfter) {
    this.status = status; this.code = code || ''; this.message = message || ''; this.retryAfter = retryAfter || 0;
  }

  function retryAfterSeconds(res) {
    var v = res.headers.get('Retry-After');
    if (!v) return 0;
    if (/^\d+$/.test(v.trim())) return parseInt(v, 10);
    var when = Date.parse(v);
    return isNaN(when) ? 0 : Math.max(1, Math.ceil((when - Date.now()) / 1000));
  }

  function errorFrom(res) {
    return res.text().then(function (body) {
      var code = '', message = '';
      try { var e = JSON.parse(body).error || {}; code = e.code || ''; message = e.message || ''; } catch (x) { /* not JSON */ }
      return new ApiError(res.status, code, message, retryAfterSeconds(res));
    }, function () { return new ApiError(res.status, '', '', retryAfterSeconds(res)); });
  }

  function request(method, path, opts) {
    opts = opts || {};
    var headers = { 'Accept': opts.accept || 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.key) headers['X-Showroom-Key'] = KEY;
    if (opts.auth && state.session) headers['Authorization'] = 'Bearer ' + state.session.token;
    return fetch(BASE + path, {
      method: method, headers: headers, mode: 'cors', credentials: 'omit', cache: 'no-store',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body)
    });
  }

  /** Resolves to parsed JSON for a 2xx answer, rejects with an ApiError otherwise (status 0: no answer). */
  function requestJSON(method, path, opts) {
    return request(method, path, opts).then(function (res) {
      if (!res.ok) return errorFrom(res).then(function (e) { throw e; });
      return res.json();
    }, function () { throw new ApiError(0, 'network', ''); });
  }

  function sessionPath(suffix) { return '/v1/chat/sessions/' + encodeURIComponent(state.session.id) + suffix; }

  // ---------------------------------------------------------------------------------------------
  // Server-Sent Events over fetch: `event:` and `data:` lines, blank-line separated, `:` comments ignored.

  function SSEParser(onEvent) {
    var buf = '', name = '', data = [];
    function line(l) {
      if (l === '') {
        if (data.length) onEvent(name || 'message', data.join('\n'));
        name = ''; data = [];
        return;
      }
      if (l.charAt(0) === ':') return; // heartbeat / comment
      var i = l.indexOf(':');
      var field = i < 0 ? l : l.slice(0, i);
      var value = i < 0 ? '' : l.slice(i + 1);
      if (value.charAt(0) === ' ') value = value.slice(1);
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    return {
      push: function (chunk, final) {
        buf += chunk;
        for (;;) {
          var i = buf.search(/[\r\n]/);
          if (i < 0) break;
          if (buf.charAt(i) === '\r' && i === buf.length - 1 && !final) break; // maybe half of \r\n
          var step = buf.charAt(i) === '\r' && buf.charAt(i + 1) === '\n' ? 2 : 1;
          line(buf.slice(0, i));
          buf = buf.slice(i + step);
        }
        if (final) { if (buf) line(buf); line(''); buf = ''; }
      }
    };
  }

  // ---------------------------------------------------------------------------------------------
  // DOM helpers.

  function el(tag, attrs) {
    var n = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, k) || attrs[k] == null || attrs[k] === false) continue;
        if (k === 'text') n.textContent = attrs[k];
        else if (k === 'class') n.className = attrs[k];
        else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), attrs[k]);
        else n.setAttribute(k, attrs[k] === true ? '' : String(attrs[k]));
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null || c === false) continue;
      n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return n;
  }

  var uid = 0;
  function nextId(prefix) { uid += 1; return 'sr-' + prefix + '-' + uid; }

  function formatMoney(amount, currency) {
    var n = Number(amount);
    if (!isFinite(n)) return '';
    var whole = Math.round(n * 100) % 100 === 0;
    try {
      return new Intl.NumberFormat(intlLocale(), {
        style: 'currency', currency: currency || 'USD',
        minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2
      }).format(n);
    } catch (e) { return (currency ? currency + ' ' : '') + n.toFixed(whole ? 0 : 2); }
  }
  function formatNumber(n) { return new Intl.NumberFormat(intlLocale()).format(n); }

  /** A slot such as 2026-11-28T10:00:00+08:00 shown in the store's own wall-clock time, whatever the browser's zone. */
  function formatSlot(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
    if (!m) return iso;
    var day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    var date = new Intl.DateTimeFormat(intlLocale(), { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(day);
    var h = +m[4], min = m[5];
    if (state.lang === 'zh') return date + ' ' + m[4] + ':' + min;
    return date + ', ' + ((h % 12) || 12) + ':' + min + (h < 12 ? ' AM' : ' PM');
  }

  /** The browser's local time from a datetime-local value, as ISO 8601 with its offset. */
  function localISO(value) {
    var d = new Date(value);
    if (isNaN(d.getTime())) return '';
    var off = -d.getTimezoneOffset(), sign = off >= 0 ? '+' : '-';
    off = Math.abs(off);
    function p(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' +
      p(d.getMinutes()) + ':00' + sign + p(Math.floor(off / 60)) + ':' + p(off % 60);
  }

  /** "2026 BYD Song L" / "2026 比亚迪宋L": Chinese names on a Chinese widget, the brand written once
   *  (a Chinese model name such as 小鹏G6 may already start with it), as VehicleName does on the server. */
  function vehicleName(c) {
    var name = [c.make, c.model].filter(function (x) { return x != null && x !== ''; }).join(' ');
    if (state.lang === 'zh' && (c.make_zh || c.model_zh)) {
      var brand = c.make_zh || c.make || '', model = c.model_zh || c.model || '';
      var starts = function (b) { return b && model.toLowerCase().indexOf(String(b).toLowerCase()) === 0; };
      name = starts(brand) || starts(c.make) ? model : brand + model;
    }
    return [c.year, name].filter(function (x) { return x != null && x !== ''; }).join(' ');
  }

  // ---------------------------------------------------------------------------------------------
  // The shadow DOM.

  var host = el('showroom-widget', { id: 'showroom-widget', 'data-store': STORE });
  host.style.cssText = 'display:none';
  var root = host.attachShadow({ mode: 'open' });
  if (ds.accent) host.style.setProperty('--sr-accent', ds.accent);

  var css = el('link', { rel: 'stylesheet', href: BASE + '/widget.css' });
  function reveal() { host.style.display = ''; }
  css.addEventListener('load', reveal);
  css.addEventListener('error', reveal);
  setTimeout(reveal, 3000);
  root.appendChild(css);

  var ICON_CHAT = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
  var ICON_CLOSE = 'M6 6l12 12M18 6L6 18';
  var ICON_SEND = 'M3 20l18-8L3 4v6l12 2-12 2z';
  function icon(d, filled) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24'); svg.setAttribute('aria-hidden', 'true'); svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    if (filled) path.setAttribute('fill', 'currentColor');
    else { path.setAttribute('fill', 'none'); path.setAttribute('stroke', 'currentColor'); path.setAttribute('stroke-width', '2'); path.setAttribute('stroke-linecap', 'round'); }
    svg.appendChild(path);
    return svg;
  }

  var panelId = nextId('panel'), titleId = nextId('title');
  var launcherText = el('span', { class: 'launcher-text' });
  var launcher = el('button', {
    type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': panelId,
    'aria-haspopup': 'dialog', onclick: function () { state.open ? closePanel() : openPanel(); }
  }, icon(ICON_CHAT, true), launcherText);

  var titleEl = el('h2', { class: 'title', id: titleId });
  var subtitleEl = el('p', { class: 'subtitle' });
  var newChatBtn = el('button', { type: 'button', class: 'header-btn new-chat', onclick: function () { newConversation(); } });
  var closeBtn = el('button', { type: 'button', class: 'header-btn close', onclick: function () { closePanel(); } }, icon(ICON_CLOSE));
  var header = el('header', { class: 'header' },
    el('div', { class: 'avatar', 'aria-hidden': 'true' }, icon(ICON_CHAT, true)),
    el('div', { class: 'heading' }, titleEl, subtitleEl), newChatBtn, closeBtn);

  var log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text', tabindex: '0' });
  var statusEl = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  var inputId = nextId('input');
  var inputLabel = el('label', { class: 'visually-hidden', for: inputId });
  var input = el('textarea', { id: inputId, class: 'input', rows: '1', maxlength: String(MAX_INPUT), autocomplete: 'off', enterkeyhint: 'send' });
  var sendBtn = el('button', { type: 'submit', class: 'send' }, icon(ICON_SEND, true));
  var composer = el('form', { class: 'composer', novalidate: true, onsubmit: function (e) { e.preventDefault(); submitInput(); } },
    inputLabel, input, sendBtn);
  var body = el('div', { class: 'body' }, log, statusEl, composer);
  var panel = el('div', {
    class: 'panel', id: panelId, role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId, hidden: true,
    'data-busy': 'false', 'data-turns': '0'
  }, header, body);

  root.appendChild(el('div', { class: 'widget', lang: state.lang === 'zh' ? 'zh-CN' : 'en' }, panel, launcher));

  function applyLanguage() {
    root.querySelector('.widget').setAttribute('lang', state.lang === 'zh' ? 'zh-CN' : 'en');
    launcherText.textContent = t('launcher');
    launcher.setAttribute('aria-label', t('launcherLabel'));
    panel.setAttribute('aria-label', t('dialog'));
    titleEl.textContent = ds.title || t('title');
    subtitleEl.textContent = t('subtitle');
    newChatBtn.textContent = t('newChat');
    newChatBtn.setAttribute('aria-label', t('newChatLabel'));
    closeBtn.setAttribute('aria-label', t('close'));
    log.setAttribute('aria-label', t('log'));
    inputLabel.textContent = t('input');
    input.setAttribute('placeholder', t('placeholder'));
    sendBtn.setAttribute('aria-label', t('send'));
  }
  applyLanguage();

  function mount() { (document.body || document.documentElement).appendChild(host); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);

  // ---------------------------------------------------------------------------------------------
  // Panel open / close, keyboard.

  var phoneQuery = window.matchMedia ? window.matchMedia('(max-width: 480px)') : null;
  function isPhone() { return !!(phoneQuery && phoneQuery.matches); }

  function openPanel() {
    if (state.open) return;
    state.open = true;
    panel.hidden = false;
    panel.setAttribute('aria-modal', isPhone() ? 'true' : 'false');
    launcher.setAttribute('aria-expanded', 'true');
    host.classList.add('open');
    lockPageScroll(isPhone());
    (state.booking ? state.booking.first : input).focus();
    scrollToEnd();
    start();
    schedulePoll();
  }

  function closePanel() {
    if (!state.open) return;
    state.open = false;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    host.classList.remove('open');
    lockPageScroll(false);
    clearTimeout(state.pollTimer);
    launcher.focus();
  }

  // Full-screen on a phone: the page underneath must not scroll. Its own overflow value is put back after.
  var savedOverflow = null;
  function lockPageScroll(lock) {
    var s = document.documentElement.style;
    if (lock && savedOverflow === null) { savedOverflow = s.overflow; s.overflow = 'hidden'; }
    else if (!lock && savedOverflow !== null) { s.overflow = savedOverflow; savedOverflow = null; }
  }

  function focusables() {
    return Array.prototype.filter.call(
      panel.querySelectorAll('button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])'),
      function (n) { return !n.disabled && !n.closest('[hidden]') && n.getClientRects().length > 0; });
  }

  root.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && state.open) {
      e.preventDefault();
      if (state.booking) closeBooking(); else closePanel();
      return;
    }
    if (e.key === 'Tab' && state.open && isPhone()) { // full-screen on phones: keep focus inside, like a modal
      var f = focusables(); if (!f.length) return;
      var first = f[0], last = f[f.length - 1], active = root.activeElement;
      if (e.shiftKey && active === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && active === last) { e.preventDefault(); first.focus(); }
    }
  });

  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) { // 229: IME still composing
      e.preventDefault();
      submitInput();
    }
  });
  input.addEventListener('input', autosize);
  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
  }

  function submitInput() {
    var text = input.value.trim();
    if (!text || state.busy || Date.now() < state.blockedUntil) return;
    var lang = detectLanguage(text);
    if (lang && lang !== state.lang) { state.lang = lang; applyLanguage(); }
    input.value = '';
    autosize();
    send(text);
  }

  function setBusy(b) {
    state.busy = b;
    panel.setAttribute('data-busy', b ? 'true' : 'false');
    sendBtn.disabled = b || Date.now() < state.blockedUntil;
    log.setAttribute('aria-busy', b ? 'true' : 'false');
  }

  function scrollToEnd() { log.scrollTop = log.scrollHeight; }

  // ---------------------------------------------------------------------------------------------
  // Rendering messages, cards and actions.

  function renderMessage(m) {
    var role = m.role === 'staff' || m.role === 'user' ? m.role : 'assistant';
    var who = role === 'user' ? t('you') : role === 'staff' ? (m.name || m.staff_name || t('staff'))
      : (t('agents')[m.agent] || t('assistant'));
    var node = el('div', { class: 'msg msg-' + role, 'data-role': role, 'data-agent': m.agent || null },
      el('span', { class: 'who' + (role === 'user' ? ' visually-hidden' : ''), text: who }));
    if (m.text) node.appendChild(el('div', { class: 'bubble', text: m.text }));
    var cards = Array.isArray(m.cards) ? m.cards : [];
    if (cards.length) {
      var box = el('div', { class: 'cards' });
      cards.forEach(function (c) { var n = renderCard(c); if (n) box.appendChild(n); });
      node.appendChild(box);
    }
    var actions = Array.isArray(m.actions) ? m.actions : [];
    if (actions.length && role !== 'user') {
      var row = el('div', { class: 'actions' });
      actions.forEach(function (a) { var n = renderAction(a); if (n) row.appendChild(n); });
      node.appendChild(row);
    }
    return node;
  }

  function renderCard(c) {
    if (!c || typeof c !== 'object') return null;
    if (c.type === 'vehicle') return renderVehicle(c);
    if (c.type === 'quote') return renderQuote(c);
    return null; // unknown card types are skipped, never shown raw
  }

  function renderVehicle(c) {
    var stock = c.stock_number || '';
    if (stock) state.vehicles[stock] = c;
    var name = vehicleName(c);
    var initial = (c.make || '?').trim().charAt(0).toUpperCase();
    var photo = el('span', { class: 'photo', 'data-initial': initial, 'aria-hidden': 'true', style: '--sr-hue:' + hue(c.make || '') },
      el('span', { class: 'initial', text: initial }));
    if (c.image_url && /^https?:\/\//.test(c.image_url)) {
      var img = el('img', { src: c.image_url, alt: '', loading: 'lazy', decoding: 'async' });
      img.addEventListener('error', function () { img.remove(); });
      photo.appendChild(img);
    }
    var price = c.price ? formatMoney(c.price.amount, c.price.currency) : '';
    var meta = [];
    // Distances come in km; a US store (priced in USD) shows them in miles, as its customers read them.
    var miles = !!(c.price && c.price.currency === 'USD');
    var distance = function (km) { return formatNumber(miles ? Math.round(km / 1.609344) : km); };
    if (c.range_km != null) meta.push(t('range')(distance(c.range_km), miles));
    if (c.mileage_km != null && (c.mileage_km > 0 || c.condition !== 'new')) {
      meta.push(t('mileage')(distance(c.mileage_km), miles));
    }
    var condition = t('condition')[c.condition] || c.condition || '';
    // No aria-label: the button's name is its content (name, trim, price, condition, range or mileage,
    // stock number), with a visually hidden "Ask about:" first so the purpose is heard too.
    var main = el('button', {
      type: 'button', class: 'vehicle-main',
      onclick: function () { if (stock) { state.focusStock = stock; send(t('askAbout')(stock)); } }
    },
      el('span', { class: 'visually-hidden', text: t('askAboutPrefix') }),
      photo,
      el('span', { class: 'info' },
        el('span', { class: 'vehicle-title', text: name }),
        c.trim ? el('span', { class: 'vehicle-trim', text: c.trim }) : null,
        price ? el('span', { class: 'price', 'data-amount': c.price.amount, 'data-currency': c.price.currency, text: price }) : null,
        el('span', { class: 'meta' },
          condition ? el('span', { class: 'badge badge-' + (c.condition || 'other'), text: condition }) : null,
          meta.length ? el('span', { class: 'spec', text: meta.join(' · ') }) : null),
        stock ? el('span', { class: 'stock', text: t('stock')(stock) }) : null));
    var drive = stock ? el('button', {
      type: 'button', class: 'vehicle-drive', 'aria-label': t('testDriveLabel')(name), text: t('testDrive'),
      onclick: function (e) { openBooking({ stock_number: stock }, e.currentTarget); }
    }) : null;
    return el('div', { class: 'card card-vehicle', 'data-stock-number': stock || null, 'data-vin': c.vin || null }, main, drive);
  }

  function hue(s) {
    var h = 0;
    for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 360;
    return String(h);
  }

  function renderQuote(c) {
    var currency = c.total && c.total.currency;
    var rows = el('tbody');
    (Array.isArray(c.lines) ? c.lines : []).forEach(function (l) {
      rows.appendChild(el('tr', { class: 'line', 'data-amount': l.amount },
        el('th', { scope: 'row', text: l.label || '' }),
        el('td', { text: formatMoney(l.amount, currency) })));
    });
    var total = c.total ? formatMoney(c.total.amount, currency) : '';
    return el('div', { class: 'card card-quote', 'data-total': c.total ? c.total.amount : null, 'data-currency': currency || null },
      el('p', { class: 'quote-title', text: c.title || t('quoteTitle') }),
      el('table', { class: 'quote-lines' }, rows,
        el('tfoot', null, el('tr', { class: 'total' }, el('th', { scope: 'row', text: t('total') }), el('td', { text: total })))),
      c.disclaimer ? el('p', { class: 'disclaimer', text: c.disclaimer }) : null);
  }

  function renderAction(a) {
    if (!a || !a.label) return null;
    var type = a.type || 'reply';
    if (type === 'call') {
      var number = String(a.value || '').replace(/[^\d+]/g, '');
      if (!number) return null;
      return el('a', { class: 'action action-call', 'data-type': 'call', href: 'tel:' + number, text: a.label });
    }
    if (type === 'book_test_drive') {
      return el('button', {
        type: 'button', class: 'action action-book', 'data-type': 'book_test_drive', text: a.label,
        onclick: function (e) { openBooking(parseBookingValue(a.value), e.currentTarget); }
      });
    }
    return el('button', {
      type: 'button', class: 'action action-reply', 'data-type': type, text: a.label,
      onclick: function () { send(String(a.value || a.label)); }
    });
  }

  /** An action's value: JSON `{"stock_number", "slots": [...]}`, or a bare stock number, or nothing. */
  function parseBookingValue(v) {
    if (v && typeof v === 'object') return v;
    if (typeof v !== 'string' || !v.trim()) return {};
    try { var o = JSON.parse(v); if (o && typeof o === 'object') return o; } catch (e) { /* a plain stock number */ }
    return { stock_number: v.trim() };
  }

  function appendNode(node) { log.appendChild(node); scrollToEnd(); }

  function notice(text, kind) {
    appendNode(el('div', { class: 'notice notice-' + (kind || 'error'), role: kind === 'info' ? null : 'alert', text: text }));
  }

  function renderAll() {
    log.setAttribute('aria-live', 'off'); // do not read the whole history again
    log.textContent = '';
    state.messages.forEach(function (m) { if (m.role !== 'system') log.appendChild(renderMessage(m)); });
    scrollToEnd();
    setTimeout(function () { log.setAttribute('aria-live', 'polite'); }, 0);
  }

  function addMessages(list) {
    list.forEach(function (m) {
      state.messages.push(m);
      if (m.role !== 'system') appendNode(renderMessage(m));
    });
  }

  // The streamed draft of an assistant answer: text as it arrives, then cards; replaced at `done`.
  function Draft() {
    var who = el('span', { class: 'who', text: t('assistant') });
    var text = el('div', { class: 'bubble', hidden: true });
    var cards = el('div', { class: 'cards', hidden: true });
    var status = el('div', { class: 'typing' }, el('span', { class: 'dots', 'aria-hidden': 'true' }), el('span', { class: 'typing-text', text: t('thinking') }));
    var node = el('div', { class: 'msg msg-assistant draft', 'data-role': 'assistant' }, who, status, text, cards);
    appendNode(node);
    return {
      node: node,
      agent: function (a) { if (t('agents')[a]) who.textContent = t('agents')[a]; node.setAttribute('data-agent', a); },
      tool: function (name) { status.lastChild.textContent = t('tools')[name] || t('tools')['*']; status.hidden = false; },
      delta: function (s) { text.hidden = false; status.hidden = true; text.textContent += s; scrollToEnd(); },
      card: function (c) { var n = renderCard(c); if (n) { cards.hidden = false; status.hidden = true; cards.appendChild(n); scrollToEnd(); } },
      shown: function () { return !text.hidden || !cards.hidden; }, // streamed text or cards were put in the live region
      remove: function () { node.remove(); }
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions and the transcript.

  function createSession() {
    var bodyObj = { store_id: STORE, locale: PAGE_LOCALE };
    if (PAGE_STOCK) bodyObj.stock_number = PAGE_STOCK;
    if (PAGE_VIN) bodyObj.vin = PAGE_VIN;
    return requestJSON('POST', '/v1/chat/sessions', { key: true, body: bodyObj }).then(function (r) {
      if (!r || !r.session_id || !r.session_token) throw new ApiError(500, 'bad_answer', '');
      state.session = { id: r.session_id, token: r.session_token };
      saveStored(state.session);
      state.messages = [];
      log.textContent = '';
      if (r.greeting) addMessages([r.greeting]);
      return state.session;
    });
  }

  function ensureSession() {
    if (state.session) return Promise.resolve(state.session);
    if (!state.starting) {
      state.starting = createSession().then(function (s) { state.starting = null; return s; },
        function (e) { state.starting = null; throw e; });
    }
    return state.starting;
  }

  function isGone(e) { return e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404 || e.status === 410); }

  /** First open on this page: the stored session's transcript, or a new session with its greeting. */
  function start() {
    if (state.started || state.starting) return;
    state.started = true;
    setBusy(true); // nothing is sent (and nothing polled) until the transcript or greeting is shown
    var stored = loadStored();
    var p;
    if (stored) {
      state.session = stored;
      statusEl.textContent = t('connecting');
      p = requestJSON('GET', sessionPath('/messages'), { auth: true }).then(function (r) {
        state.messages = Array.isArray(r.messages) ? r.messages.slice() : [];
        renderAll();
        return followPageVehicle(r.vehicle);
      }).catch(function (e) {
        if (!isGone(e)) throw e;
        state.session = null; clearStored();
        return ensureSession();
      });
    } else {
      statusEl.textContent = t('connecting');
      p = ensureSession();
    }
    state.ready = p.then(function () { statusEl.textContent = ''; setBusy(false); }, function (e) {
      statusEl.textContent = '';
      setBusy(false);
      state.started = false; // try again on the next open or message
      if (!stored || isGone(e)) state.session = null;
      showError(e, true);
    });
  }

  function samePageVehicle(v) {
    if (!v) return false;
    return (!!PAGE_STOCK && String(v.stock_number || '').toUpperCase() === PAGE_STOCK.toUpperCase()) ||
      (!!PAGE_VIN && String(v.vin || '').toUpperCase() === PAGE_VIN.toUpperCase());
  }

  /** A conversation resumed on a vehicle page about another car moves to this page's car: the server
   *  makes it the session's vehicle context and answers with a message about it. */
  function followPageVehicle(sessionVehicle) {
    if ((!PAGE_STOCK && !PAGE_VIN) || samePageVehicle(sessionVehicle)) return null;
    var bodyObj = { locale: state.lang === 'zh' ? 'zh-CN' : 'en' };
    if (PAGE_STOCK) bodyObj.stock_number = PAGE_STOCK; else bodyObj.vin = PAGE_VIN;
    return requestJSON('POST', sessionPath('/vehicle'), { auth: true, body: bodyObj }).then(function (r) {
      if (r && r.message) addMessages([r.message]);
    }, function (e) {
      if (isGone(e)) throw e; // handled like a refused transcript: a new session about this car
    });
  }

  /** Another store on the same page (the demo group page): its own saved conversation, language and key. */
  function switchStore(opts) {
    opts = opts || {};
    if (!opts.store || state.busy || state.starting) return false;
    if (opts.store === STORE) return true;
    closeBooking();
    clearTimeout(state.pollTimer);
    STORE = String(opts.store); KEY = String(opts.key || '');
    PAGE_STOCK = String(opts.stockNumber || ''); PAGE_VIN = String(opts.vin || '');
    PAGE_LOCALE = opts.locale || PAGE_LOCALE;
    STORAGE_KEY = STORAGE_PREFIX + STORE;
    host.setAttribute('data-store', STORE);
    state.lang = langOf(PAGE_LOCALE);
    applyLanguage();
    state.session = null; state.started = false; state.ready = null; state.messages = []; state.vehicles = {};
    state.focusStock = PAGE_STOCK; state.blockedUntil = 0;
    log.textContent = '';
    if (state.open) { start(); schedulePoll(); }
    return true;
  }

  function newConversation() {
    if (state.busy) return;
    closeBooking();
    clearStored();
    state.session = null; state.messages = []; state.started = true; state.vehicles = {}; state.focusStock = PAGE_STOCK;
    log.textContent = '';
    ensureSession().catch(function (e) { state.started = false; showError(e, true); });
    input.focus();
  }

  function sig(m) { return (m.role || '') + '|' + String(m.text || '').replace(/\s+/g, '') + '|' + (Array.isArray(m.cards) ? m.cards.length : 0); }

  /** Merges the server transcript into what is shown: appends what is new, re-renders if the two disagree. */
  function mergeTranscript(list) {
    var known = state.messages;
    var prefixOK = list.length >= known.length && known.every(function (m, i) { return sig(m) === sig(list[i]); });
    if (prefixOK) {
      var fresh = list.slice(known.length);
      state.messages = known.map(function (m, i) { return list[i]; }); // adopt server fields (seq, names)
      if (fresh.length) addMessages(fresh);
    } else {
      state.messages = list.slice();
      renderAll();
    }
  }

  function syncTranscript() {
    if (!state.session) return Promise.resolve();
    return requestJSON('GET', sessionPath('/messages'), { auth: true }).then(function (r) {
      if (!state.busy && Array.isArray(r.messages)) mergeTranscript(r.messages);
    });
  }

  function schedulePoll() {
    clearTimeout(state.pollTimer);
    if (!state.open) return;
    state.pollTimer = setTimeout(function () {
      if (!state.open) return;
      var p = state.busy || !state.session || state.starting ? Promise.resolve() : syncTranscript();
      p.catch(function (e) {
        if (isGone(e)) { state.session = null; clearStored(); state.started = false; }
      }).then(schedulePoll);
    }, POLL_MS);
  }

  // ---------------------------------------------------------------------------------------------
  // A turn: stream it, fall back to JSON, reconcile with the final answer.

  function send(text, extra) {
    text = String(text || '').trim().slice(0, MAX_INPUT);
    if (!text || state.busy) return Promise.resolve();
    setBusy(true);
    var bodyObj = { text: text };
    if (extra && extra.booking) bodyObj.booking = extra.booking;

    return ensureSession().then(function () {
      addMessages([{ role: 'user', text: text, cards: [], actions: [] }]);
      return runTurn(bodyObj, false);
    }, function (e) {
      if (!input.value && !(extra && extra.booking)) input.value = text; // nothing was sent: keep what was typed
      throw e;
    }).catch(function (e) {
      showError(e, !state.session);
    }).then(function () {
      setBusy(false);
      state.turns += 1;
      panel.setAttribute('data-turns', String(state.turns));
      schedulePoll();
    });
  }

  function runTurn(bodyObj, retried) {
    var draft = Draft();
    return request('POST', sessionPath('/messages'), { auth: true, body: bodyObj, accept: 'text/event-stream' }).then(function (res) {
      if (!res.ok) {
        draft.remove();
        return errorFrom(res).then(function (e) {
          if (isGone(e) && !retried) return restartAndResend(bodyObj);
          throw e;
        });
      }
      var type = res.headers.get('Content-Type') || '';
      if (type.indexOf('text/event-stream') < 0) { // the server answered in one piece
        panel.setAttribute('data-transport', 'json');
        return res.json().then(function (result) { draft.remove(); finish(result); });
      }
      panel.setAttribute('data-transport', 'sse');
      return stream(res, draft);
    }, function () {
      // The streaming request never got an answer: try once more as a plain JSON request.
      draft.remove();
      panel.setAttribute('data-transport', 'json');
      return requestJSON('POST', sessionPath('/messages'), { auth: true, body: bodyObj }).then(finish);
    });
  }

  function restartAndResend(bodyObj) {
    state.session = null; clearStored();
    var pending = state.messages.filter(function (m) { return m.role === 'user'; }).pop();
    return ensureSession().then(function () {
      notice(t('errExpired'), 'info');
      if (pending) addMessages([pending]);
      return runTurn(bodyObj, true);
    });
  }

  function stream(res, draft) {
    var reader = res.body && res.body.getReader ? res.body.getReader() : wholeBody(res);
    var decoder = new TextDecoder();
    var result = null, failure = null, counts = { delta: 0, card: 0 };
    var parser = SSEParser(function (name, data) {
      var obj;
      try { obj = JSON.parse(data); } catch (e) { return; }
      if (name === 'route') draft.agent(obj.agent);
      else if (name === 'tool') draft.tool(obj.name, obj.status);
      else if (name === 'delta') { counts.delta += 1; draft.delta(String(obj.text || '')); }
      else if (name === 'card') { counts.card += 1; draft.card(obj); }
      else if (name === 'done') result = obj;
      else if (name === 'error') failure = new ApiError(500, (obj.error || {}).code, (obj.error || {}).message);
      panel.setAttribute('data-stream-deltas', String(counts.delta));
      panel.setAttribute('data-stream-cards', String(counts.card));
    });
    function pump() {
      return reader.read().then(function (r) {
        if (r.done) { parser.push(decoder.decode(), true); return; }
        parser.push(decoder.decode(r.value, { stream: true }), false);
        if (result || failure) { reader.cancel().catch(function () {}); return; }
        return pump();
      });
    }
    return pump().then(function () {
      if (result) { finish(result, draft); return; }
      if (failure) { draft.remove(); throw failure; }
      throw new ApiError(0, 'interrupted', '');
    }, function () { throw new ApiError(0, 'interrupted', ''); }).catch(function (e) {
      if (result) throw e;
      // The turn may still have been saved: show what the server kept, and complain only if it has no answer.
      draft.remove();
      var sent = state.messages[state.messages.length - 1];
      return syncAfterInterruption(sent).then(function (r) {
        if (r.answered) return;
        if (!r.kept && !input.value) input.value = sent.text; // the server did not keep it: let them send it again
        throw e;
      });
    });
  }

  /** A reader over the whole body at once, for browsers that cannot read a response as it arrives. */
  function wholeBody(res) {
    var text = res.arrayBuffer(), done = false;
    return {
      read: function () {
        if (done) return Promise.resolve({ done: true });
        done = true;
        return text.then(function (b) { return { done: false, value: new Uint8Array(b) }; });
      },
      cancel: function () { return Promise.resolve(); }
    };
  }

  /** Merges the server's transcript; says whether it kept the message just sent (`kept`) and answered it. */
  function syncAfterInterruption(sent) {
    var count = state.messages.filter(function (m) { return sig(m) === sig(sent); }).length;
    return requestJSON('GET', sessionPath('/messages'), { auth: true }).then(function (r) {
      if (!Array.isArray(r.messages)) return { kept: true, answered: false };
      var list = r.messages, seen = 0, i;
      for (i = 0; i < list.length && seen < count; i++) if (sig(list[i]) === sig(sent)) seen += 1;
      mergeTranscript(list);
      return { kept: seen === count, answered: seen === count && list.slice(i).some(function (m) { return m.role !== 'user'; }) };
    }, function () { return { kept: true, answered: false }; });
  }

  /** Adopts a turn's final messages. A streamed draft that already showed the answer is swapped for the
   *  final message with the live region muted, so screen readers do not hear the answer twice. */
  function finish(result, draft) {
    var msgs = (result && Array.isArray(result.messages)) ? result.messages : [];
    var lastUser = state.messages[state.messages.length - 1];
    var quiet = draft && draft.shown() ? draft : null;
    msgs.forEach(function (m) {
      if (m.role === 'user' && lastUser && lastUser.role === 'user') {
        state.messages[state.messages.length - 1] = m; // the server's copy of what was just sent
        lastUser = null;
        return;
      }
      if (quiet && m.role !== 'user' && m.role !== 'system') {
        state.messages.push(m);
        log.setAttribute('aria-live', 'off');
        quiet.node.replaceWith(renderMessage(m));
        quiet = null;
        scrollToEnd();
        setTimeout(function () { log.setAttribute('aria-live', 'polite'); }, 0);
        return;
      }
      addMessages([m]);
    });
    if (draft) draft.remove();
    if (!msgs.some(function (m) { return m.role !== 'user'; })) throw new ApiError(500, 'empty_answer', '');
  }

  function showError(e, fatal) {
    var s = STRINGS[state.lang], msg;
    if (!(e instanceof ApiError)) msg = s.errGeneric;
    else if (e.status === 429 || e.code === 'rate_limited') msg = s.errRate(e.retryAfter);
    else if (e.status === 0 && e.code === 'interrupted') msg = s.errInterrupted;
    else if (e.status === 0) msg = fatal ? s.errUnavailable : s.errNetwork;
    else if (e.status === 413 || /too_long|too_large/.test(e.code)) msg = s.errTooLong;
    else if (fatal && (e.status === 401 || e.status === 403)) msg = s.errUnavailable;
    else msg = s.errGeneric;
    notice(msg);
    if (e instanceof ApiError && e.retryAfter) {
      state.blockedUntil = Date.now() + e.retryAfter * 1000;
      sendBtn.disabled = true;
      setTimeout(function () { if (!state.busy) sendBtn.disabled = false; }, e.retryAfter * 1000 + 50);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The test-drive booking form.

  function openBooking(spec, opener) {
    spec = spec || {};
    if (!state.open) openPanel();
    closeBooking();
    var stock = spec.stock_number || state.focusStock || firstShownStock();
    var s = STRINGS[state.lang];
    var formTitleId = nextId('book-title');
    var err = el('p', { class: 'form-error', role: 'alert' });

    function field(labelText, control) {
      return el('div', { class: 'field' }, el('label', { for: control.id, text: labelText }), control);
    }

    var stocks = Object.keys(state.vehicles);
    if (stock && stocks.indexOf(stock) < 0) stocks.unshift(stock);
    var vehicleSel = null;
    if (stocks.length > 1) {
      vehicleSel = el('select', { id: nextId('vehicle'), name: 'stock_number' });
      stocks.forEach(function (sn) {
        var v = state.vehicles[sn];
        vehicleSel.appendChild(el('option', { value: sn, text: v ? vehicleName(v) + (v.trim ? ' ' + v.trim : '') + ' · ' + sn : sn }));
      });
      vehicleSel.value = stock;
      vehicleSel.addEventListener('change', function () {
        form.setAttribute('data-stock-number', vehicleSel.value);
        loadSlots(vehicleSel.value, null);
      });
    }
    var nameIn = el('input', { id: nextId('name'), name: 'name', type: 'text', autocomplete: 'name', required: true, maxlength: '80' });
    nameIn.value = state.contact.name;
    var phoneIn = el('input', { id: nextId('phone'), name: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', required: true, maxlength: '32' });
    phoneIn.value = state.contact.phone;
    var slotSel = el('select', { id: nextId('slot'), name: 'slot', required: true });
    var slotAlt = el('input', { id: nextId('when'), name: 'when', type: 'datetime-local', hidden: true });
    var slotHint = el('p', { class: 'hint', hidden: true, text: s.slotsNone });
    var consentIn = el('input', { id: nextId('consent'), name: 'consent', type: 'checkbox', required: true });
    var v0 = stock && state.vehicles[stock];

    var form = el('form', { class: 'booking', novalidate: true, 'aria-labelledby': formTitleId },
      el('h3', { id: formTitleId, class: 'booking-title', text: s.bookTitle }),
      vehicleSel ? field(s.vehicle, vehicleSel)
        : (stock ? el('p', { class: 'booking-vehicle', text: (v0 ? vehicleName(v0) + (v0.trim ? ' ' + v0.trim : '') + ' · ' : '') + stock }) : null),
      field(s.name, nameIn),
      field(s.phone, phoneIn),
      el('div', { class: 'field' }, el('label', { for: slotSel.id, text: s.slot }), slotSel, slotAlt, slotHint),
      el('div', { class: 'field check' }, consentIn, el('label', { for: consentIn.id, text: s.consent })),
      err,
      el('div', { class: 'form-buttons' },
        el('button', { type: 'button', class: 'secondary', text: s.cancel, onclick: function () { closeBooking(); } }),
        el('button', { type: 'submit', class: 'primary', text: s.submit })));

    function loadSlots(sn, given) {
      slotSel.textContent = '';
      slotSel.appendChild(el('option', { value: '', text: s.slotsLoading }));
      slotSel.disabled = true;
      var p = Array.isArray(given) && given.length ? Promise.resolve(given)
        : ensureSession().then(function () {
          return requestJSON('GET', sessionPath('/slots') + (sn ? '?stock_number=' + encodeURIComponent(sn) : ''), { auth: true });
        }).then(function (r) { return Array.isArray(r && r.slots) ? r.slots : []; });
      p.then(function (slots) {
        slots = slots.map(function (x) { return typeof x === 'string' ? x : x && x.start; }).filter(Boolean);
        if (!slots.length) throw new Error('no slots');
        slotSel.textContent = '';
        slotSel.appendChild(el('option', { value: '', text: s.slotPick }));
        slots.forEach(function (iso) { slotSel.appendChild(el('option', { value: iso, text: formatSlot(iso) })); });
        slotSel.disabled = false; slotSel.hidden = false; slotAlt.hidden = true; slotHint.hidden = true;
        form.setAttribute('data-slots', 'loaded');
      }).catch(function () {
        slotSel.hidden = true; slotAlt.hidden = false; slotHint.hidden = false; slotAlt.required = true;
        slotAlt.id = slotSel.id; slotSel.removeAttribute('id'); // the label now names the free-form input
        form.setAttribute('data-slots', 'fallback');
      });
    }
    if (stock) form.setAttribute('data-stock-number', stock);
    form.setAttribute('data-slots', 'loading');
    loadSlots(stock, spec.slots);

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var name = nameIn.value.trim(), phone = phoneIn.value.trim();
      var start = slotSel.hidden ? localISO(slotAlt.value) : slotSel.value;
      var digits = phone.replace(/\D/g, '');
      var problem = !name ? [s.nameRequired, nameIn]
        : (!/^\+?[\d\s().-]+$/.test(phone) || digits.length < 6 || digits.length > 15) ? [s.phoneInvalid, phoneIn]
          : !start ? [s.slotRequired, slotSel.hidden ? slotAlt : slotSel]
            : !consentIn.checked ? [s.consentRequired, consentIn] : null;
      [nameIn, phoneIn, slotSel, slotAlt, consentIn].forEach(function (n) { n.removeAttribute('aria-invalid'); });
      if (problem) {
        err.textContent = problem[0];
        problem[1].setAttribute('aria-invalid', 'true');
        problem[1].focus();
        return;
      }
      var sn = vehicleSel ? vehicleSel.value : stock;
      var booking = { start: start, name: name, phone: phone, consent: true };
      if (sn) booking.stock_number = sn;
      state.contact = { name: name, phone: phone };
      closeBooking(true);
      send(STRINGS[state.lang].bookingText(booking), { booking: booking });
      input.focus();
    });

    log.hidden = true; composer.hidden = true;
    body.insertBefore(form, statusEl);
    state.booking = { el: form, opener: opener || null, first: vehicleSel || nameIn };
    (vehicleSel || nameIn).focus();
  }

  function closeBooking(submitted) {
    if (!state.booking) return;
    var b = state.booking;
    state.booking = null;
    b.el.remove();
    log.hidden = false; composer.hidden = false;
    scrollToEnd();
    if (!submitted) (b.opener && b.opener.isConnected ? b.opener : input).focus();
  }

  function firstShownStock() {
    for (var i = state.messages.length - 1; i >= 0; i--) {
      var cards = state.messages[i].cards || [];
      for (var j = 0; j < cards.length; j++) if (cards[j] && cards[j].type === 'vehicle' && cards[j].stock_number) return cards[j].stock_number;
    }
    return '';
  }

  // ---------------------------------------------------------------------------------------------
  // A small page API: a dealer's own "Chat about this car" or "Test drive" button can call these.

  window.ShowroomWidget = {
    open: openPanel,
    close: closePanel,
    // Sent once the transcript or greeting is shown (opening the panel may have just started loading it).
    send: function (text) { openPanel(); return Promise.resolve(state.ready).then(function () { return send(text); }); },
    switchStore: switchStore,
    store: function () { return STORE; },
    bookTestDrive: function (stockNumber) { openPanel(); openBooking({ stock_number: stockNumber }, null); }
  };
})();
