// The Customer Room on a phone: a leader's dot vote (opened from the leaders' link, #t=TOKEN) or the
// facilitator's remote (#remote, paired with the PIN shown on the laptop). One WebSocket to the room;
// it reconnects by itself when the phone wakes or the network comes back, and a ballot not yet
// acknowledged is sent again with the same uid, so the room counts it once.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const store = {
    get(name) { try { return localStorage.getItem(name) || ""; } catch (e) { return ""; } },
    set(name, value) {
      try { if (value) localStorage.setItem(name, value); else localStorage.removeItem(name); } catch (e) { /* private mode */ }
    },
  };
  function randomId() {  // crypto.randomUUID needs https; getRandomValues does not
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function element(tag, attributes = {}, text = "") {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
    if (text) made.textContent = text;
    return made;
  }

  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get("t") || "";
  const mode = token ? "leader" : "remote";
  let device = store.get("room-device");
  if (!device) { device = randomId(); store.set("room-device", device); }
  let key = store.get("room-remote-key");

  let socket = null;
  let nextId = 1;
  const waiting = new Map();
  let retries = 0;
  let retryTimer = 0;
  let role = "visitor";
  let room = null;
  let vote = null;
  let clocksAt = 0;
  let takeoverAsked = false;
  let draft = {};         // the dots being placed, by candidate key
  let dirty = false;      // the draft differs from what was saved
  let unsent = null;      // {op, uid, dots}: sent again after a reconnect until the room says it has it
  let captureUid = "";    // one uid per capture text, so a second press after a timeout saves it once

  // -- the connection ---------------------------------------------------------------------------------
  function setStatus(text, bad) {
    $("status").textContent = text;
    $("status").classList.toggle("bad", !!bad);
  }
  function notice(text) {
    $("notice").textContent = text || "";
    $("notice").hidden = !text;
  }
  function connect() {
    clearTimeout(retryTimer);
    if (socket && socket.readyState <= 1) return;
    setStatus(retries ? "Reconnecting…" : "Connecting…", true);
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const opened = new WebSocket(`${scheme}://${location.host}/ws`);
    socket = opened;
    opened.onopen = () => { retries = 0; hello(); };
    opened.onmessage = (event) => receive(JSON.parse(event.data));
    opened.onclose = () => {
      if (socket !== opened) return;
      failWaiting("The connection was lost; reconnecting.");
      setStatus("Reconnecting…", true);
      retryTimer = setTimeout(connect, Math.min(10000, 500 * 2 ** retries++));
    };
  }
  function failWaiting(why) {
    for (const done of waiting.values()) done({ ok: false, error: why, offline: true });
    waiting.clear();
  }
  function ask(op, data = {}, timeout = 8000) {
    return new Promise((resolve) => {
      if (!socket || socket.readyState !== 1) {
        resolve({ ok: false, error: "Not connected to the room yet; it will be sent when it is.", offline: true });
        return;
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve({ ok: false, error: "The room did not answer; reconnecting.", offline: true });
        if (socket) socket.close();
      }, timeout);
      waiting.set(id, (reply) => { clearTimeout(timer); resolve(reply); });
      socket.send(JSON.stringify({ ...data, id, op }));
    });
  }
  function receive(message) {
    if (message.push) { pushed(message); return; }
    const done = waiting.get(message.id);
    if (done) { waiting.delete(message.id); done(message); }
  }
  // A phone that slept may keep a dead socket that still looks open: ask, and reconnect if nobody answers.
  function woke() {
    if (document.hidden) return;
    retries = 0;
    if (!socket || socket.readyState > 1) connect();
    else hello(4000);
  }
  document.addEventListener("visibilitychange", woke);
  window.addEventListener("online", woke);
  window.addEventListener("pageshow", woke);
  window.addEventListener("hashchange", () => location.reload());

  async function hello(timeout) {
    const data = mode === "leader" ? { token, device } : (key ? { key } : {});
    const reply = await ask("hello", data, timeout);
    if (reply.offline) return;
    if (!reply.ok) {
      if (mode === "remote" && key) {  // the key was replaced: pair again
        key = "";
        store.set("room-remote-key", "");
        notice(reply.error);
        hello();
        return;
      }
      setStatus("Connected", false);
      role = "visitor";
      notice(reply.error);
      render();
      return;
    }
    setStatus("Connected", false);
    role = reply.role;
    room = reply.room;
    vote = reply.vote;
    clocksAt = Date.now();
    if (role !== "visitor") notice("");
    render();
    if (unsent) sendBallot();
  }

  function pushed(message) {
    if (message.push === "room") { room = message; clocksAt = Date.now(); }
    else if (message.push === "vote") vote = message;
    else if (message.push === "control") {
      takeoverAsked = false;
      if (message.key) { key = message.key; store.set("room-remote-key", key); role = "controller"; notice(""); }
      else { if (message.lost) { key = ""; store.set("room-remote-key", ""); role = "visitor"; } notice(message.lost || message.declined); }
    } else if (message.push === "ended") { role = "visitor"; vote = null; notice(message.message); }
    render();
  }

  // -- what shows ---------------------------------------------------------------------------------------
  function show(name) {
    for (const section of ["pair", "waiting", "remote", "names", "ballot"]) $(section).hidden = section !== name;
  }
  function render() {
    if (mode === "remote") {
      $("title").textContent = "Room remote";
      if (role === "controller" && room) { show("remote"); renderRemote(); }
      else show(takeoverAsked ? "waiting" : "pair");
      return;
    }
    $("title").textContent = "Dot vote";
    if (role !== "leader" || !vote) show(null);
    else if (!vote.me) { show("names"); renderNames(); }
    else { show("ballot"); renderBallot(); }
  }
  function stageText(stage) { return stage ? `${stage.number} · ${stage.name}` : "End of the journey"; }
  function clockText(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600);
    const mm = String(Math.floor(s / 60) % 60).padStart(2, "0");
    const ss = String(s % 60).padStart(2, "0");
    return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
  }
  function tickClocks() {
    if (!room || !room.clocks || $("remote").hidden) return;
    const passed = (Date.now() - clocksAt) / 1000;
    const c = room.clocks;
    $("clock-session").textContent = c.session_s == null ? "not started" : clockText(c.session_s + passed);
    const stage = c.stage_s == null ? null : c.stage_s + passed;
    $("clock-stage").textContent = stage == null ? "–" : clockText(stage);
    $("clock-planned").textContent = c.stage_planned_s ? `of ${clockText(c.stage_planned_s)} planned` : "";
    $("clock-stage").classList.toggle("late", !!(stage && c.stage_planned_s && stage > c.stage_planned_s));
  }
  setInterval(tickClocks, 1000);

  function renderRemote() {
    $("stage-now").textContent = room.cover === "blackout" ? `${stageText(room.stage)} (walls black)` : stageText(room.stage);
    $("stage-next").textContent = stageText(room.next);
    $("next").disabled = !room.next;
    $("blackout").textContent = room.blackout ? "Lift the blackout" : "Blackout";
    $("blackout").classList.toggle("on", !!room.blackout);
    const list = $("stages");
    list.replaceChildren(...room.stages.map((stage) => {
      const item = element("li");
      const button = element("button", { type: "button" }, `${stage.number} · ${stage.name}`);
      if (room.stage && stage.number === room.stage.number) button.classList.add("primary");
      button.addEventListener("click", () => command({ cmd: "go", stage: stage.number }));
      item.append(button);
      return item;
    }));
    tickClocks();
    const v = vote || {};
    $("vote-state").textContent = {
      waiting: "Not opened yet.", open: "Open: leaders are voting.", closed: "Closed.",
      revealed: "Closed, totals revealed.",
    }[v.phase] || "";
    $("vote-line").textContent = v.of ? `${v.line}.` : "No attendees in this session.";
    $("vote-waiting").textContent = v.waiting && v.waiting.length ? `Not yet: ${v.waiting.join(", ")}` : "";
    $("vote-open").disabled = v.phase === "open" || !v.live;
    $("vote-close").disabled = v.phase !== "open";
    $("vote-reveal").disabled = !(v.phase === "open" || v.phase === "closed");
    renderTotals($("remote-totals"), v.totals);
  }
  function renderTotals(list, totals) {
    list.replaceChildren();
    if (!totals) return;
    const most = Math.max(1, ...totals.map((t) => t.dots));
    for (const total of totals) {
      const item = element("li", {}, `${total.title}: ${total.dots}`);
      const bar = element("span", { class: "bar", "aria-hidden": "true" });
      bar.style.width = `${(100 * total.dots) / most}%`;
      item.append(bar);
      list.append(item);
    }
  }
  function renderNames() {
    $("name-list").replaceChildren(...vote.names.map((entry) => {
      const item = element("li");
      const button = element("button", { type: "button" }, entry.taken ? `${entry.name} (on another phone)` : entry.name);
      if (entry.taken) button.classList.add("taken");
      button.addEventListener("click", async () => {
        const reply = await ask("iam", { name: entry.name });
        notice(reply.ok ? "" : reply.error);
      });
      item.append(button);
      return item;
    }));
  }
  function placed() { return Object.values(draft).reduce((sum, n) => sum + n, 0); }
  function renderBallot() {
    const me = vote.me;
    if (!dirty && !unsent) draft = { ...me.dots };
    const open = vote.phase === "open";
    $("me").textContent = `You vote as ${me.name}`;
    $("ballot-phase").textContent = {
      waiting: "The vote is not open yet: you can place your dots, and save them once it opens.",
      open: "Place your dots, then save. You can change them until the facilitator closes the vote.",
      closed: "The vote is closed.",
      revealed: "The vote is closed; these are the totals.",
    }[vote.phase] || "";
    const left = vote.dots_per_leader - placed();
    $("dots-left").textContent = `${left} of ${vote.dots_per_leader} dots left`;
    const list = $("candidates");
    list.replaceChildren(...vote.candidates.map((candidate) => {
      const count = draft[candidate.key] || 0;
      const item = element("li");
      item.classList.toggle("has-dots", count > 0);
      item.append(element("div", { class: "candidate-title" }, candidate.title),
        element("div", { class: "candidate-stage" }, candidate.stage));
      const row = element("div", { class: "dots" });
      const less = element("button", { type: "button", "aria-label": `One dot less on ${candidate.title}` }, "−");
      const more = element("button", { type: "button", "aria-label": `One dot more on ${candidate.title}` }, "+");
      const shown = element("output", { "aria-label": `${count} dots` }, count ? "●".repeat(count) : "0");
      less.disabled = vote.phase === "closed" || vote.phase === "revealed" || count === 0;
      more.disabled = vote.phase === "closed" || vote.phase === "revealed" || left <= 0;
      less.addEventListener("click", () => change(candidate.key, -1));
      more.addEventListener("click", () => change(candidate.key, +1));
      row.append(less, shown, more);
      item.append(row);
      return item;
    }));
    $("save").disabled = !open;
    $("skip").disabled = !open;
    if (!open && !$("saved-state").textContent.startsWith("Not saved")) setSaved(me.skipped ? "You skipped this vote." : "", "ok");
    $("progress").textContent = vote.of ? `${vote.line}.` : "";
    renderTotals($("totals"), vote.totals);
  }
  function change(candidate, step) {
    const count = (draft[candidate] || 0) + step;
    if (count < 0 || (step > 0 && placed() >= vote.dots_per_leader)) return;
    draft = { ...draft, [candidate]: count };
    dirty = true;
    setSaved("Not saved yet: press Save my dots.", "bad");
    renderBallot();
  }
  function setSaved(text, kind) {
    $("saved-state").textContent = text;
    $("saved-state").className = `saved ${kind || ""}`;
  }

  // -- what a phone does -------------------------------------------------------------------------------
  async function sendBallot() {
    const attempt = unsent;
    if (!attempt) return;
    setSaved("Saving…", "");
    const reply = await ask(attempt.op, { uid: attempt.uid, dots: attempt.dots });
    if (reply.offline) { setSaved("Not saved yet: waiting for the connection, then it is sent again.", "bad"); return; }
    if (unsent === attempt) unsent = null;
    if (reply.ok) {
      dirty = false;
      setSaved(attempt.op === "skip" ? "You skipped this vote." : "Your dots are saved.", "ok");
    } else setSaved(reply.error, "bad");
  }
  $("save").addEventListener("click", () => {
    unsent = { op: "ballot", uid: randomId(), dots: { ...draft } };
    sendBallot();
  });
  $("skip").addEventListener("click", () => {
    draft = {};
    unsent = { op: "skip", uid: randomId(), dots: {} };
    sendBallot();
  });

  async function command(request) {
    const reply = await ask("command", request);
    notice(reply.ok ? (reply.message || "") : reply.error);
    return reply;
  }
  $("next").addEventListener("click", () => command({ cmd: "next" }));
  $("previous").addEventListener("click", () => command({ cmd: "previous" }));
  $("blackout").addEventListener("click", () => command({ cmd: "blackout" }));
  $("capture").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("capture-text").value.trim();
    const kind = event.submitter ? event.submitter.dataset.kind : "note";
    if (!text) { notice("Type the note or decision first."); return; }
    captureUid = captureUid || randomId();
    const reply = await command({ cmd: "capture", kind, text, uid: captureUid });
    if (reply.ok) {
      $("capture-text").value = "";
      captureUid = "";
      notice(`${kind === "decision" ? "Decision" : "Note"} saved.`);
    }
  });
  $("capture-text").addEventListener("input", () => { captureUid = ""; });
  for (const [button, op] of [["vote-open", "vote_open"], ["vote-close", "vote_close"], ["vote-reveal", "vote_reveal"]]) {
    $(button).addEventListener("click", async () => {
      const reply = await ask(op);
      notice(reply.ok ? "" : reply.error);
    });
  }
  $("release").addEventListener("click", async () => {
    const reply = await ask("release");
    if (reply.ok) { key = ""; store.set("room-remote-key", ""); role = "visitor"; render(); }
    else notice(reply.error);
  });
  $("pin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const pin = $("pin").value.replace(/\D/g, "");
    const reply = await ask("pair", { pin });
    $("pin").value = "";
    if (!reply.ok) { notice(reply.error); return; }
    notice("");
    if (reply.waiting) { takeoverAsked = true; render(); return; }
    key = reply.key;
    store.set("room-remote-key", key);
    hello();
  });

  render();
  connect();
})();
