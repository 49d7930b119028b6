/*
 * The only JavaScript a page loads up front (SPEC 9: at most 10 KB gzip). It opens and closes
 * the chat panel and, on the first sign that the visitor wants to chat (focus, typing, a click
 * inside the chat, opening the panel, a deep link), loads the chat itself. Until then no search
 * code and no index is requested.
 */

import { DATABASE_NAME, TAB_CHANNEL, type TabMessage } from '../storage/database-name.ts';

export interface ChatApp {
  /** Handles an event that happened inside the chat element. */
  handle(event: Event): void;
  /** Asks a question as if typed (deep links). */
  ask(question: string): void;
}

const loading = new WeakMap<HTMLElement, Promise<ChatApp>>();
const ready = new WeakMap<HTMLElement, ChatApp>();

function appFor(chat: HTMLElement): Promise<ChatApp> {
  let app = loading.get(chat);
  if (!app) {
    app = import('./chat-app.ts').then((module) => {
      const mounted = module.mountChat(chat);
      ready.set(chat, mounted);
      return mounted;
    });
    // A failed download must not stick: the next interaction tries again.
    app.catch(() => loading.delete(chat));
    loading.set(chat, app);
  }
  return app;
}

function inputOf(chat: HTMLElement): HTMLInputElement | null {
  return chat.querySelector('input[role="combobox"]');
}

function launcherFor(chat: HTMLElement): HTMLElement | null {
  return document.querySelector(`[data-launcher][aria-controls="${chat.id}"]`);
}

function open(chat: HTMLElement): void {
  chat.hidden = false;
  launcherFor(chat)?.setAttribute('aria-expanded', 'true');
  inputOf(chat)?.focus();
  void appFor(chat);
}

function close(chat: HTMLElement): void {
  if (chat.dataset['mode'] !== 'panel') return;
  chat.hidden = true;
  const launcher = launcherFor(chat);
  launcher?.setAttribute('aria-expanded', 'false');
  launcher?.focus();
}

/** Events are handled by the chat app; those that come before it has loaded are replayed. */
function forward(chat: HTMLElement, event: Event): void {
  const app = ready.get(chat);
  if (app) {
    app.handle(event);
    return;
  }
  if (event.type === 'submit') event.preventDefault();
  if (event.type === 'focusin' || event.type === 'pointerdown') {
    void appFor(chat);
    return;
  }
  if (event.type === 'keydown' || event.type === 'focusout') return;
  appFor(chat).then(
    (loaded) => loaded.handle(event),
    () => undefined,
  );
}

function wire(chat: HTMLElement): void {
  for (const type of ['submit', 'click', 'input', 'change', 'keydown', 'focusin', 'focusout', 'pointerdown']) {
    chat.addEventListener(type, (event) => {
      const target = event.target as Element;
      if (type === 'click' && target.closest('[data-action="close"]')) {
        // The chat may first ask whether to keep or delete stored data (it then prevents this).
        ready.get(chat)?.handle(event);
        if (!event.defaultPrevented) close(chat);
        return;
      }
      forward(chat, event);
      if (type === 'keydown' && (event as KeyboardEvent).key === 'Escape' && !event.defaultPrevented) close(chat);
    });
  }
}

/**
 * The wipe page: delete the site's database (for hosts that cannot send Clear-Site-Data) and
 * say so. Other tabs holding the database open close it on the version change.
 */
function wipe(status: HTMLElement): void {
  // Other open tabs must forget their ledger and stop storing: tell them first.
  if ('BroadcastChannel' in globalThis) {
    const channel = new BroadcastChannel(TAB_CHANNEL);
    channel.postMessage({ type: 'wiped' } satisfies TabMessage);
    channel.close();
  }
  const request = globalThis.indexedDB?.deleteDatabase(DATABASE_NAME);
  const done = (): void => void (status.textContent = status.dataset['done'] ?? '');
  if (!request) return done();
  request.onsuccess = done;
  request.onerror = done;
}

function start(): void {
  // The statistics page's code loads only on that page; the launcher stays the one script.
  if (document.querySelector('[data-insights]')) void import('./insights-page.ts');
  const wipeStatus = document.querySelector<HTMLElement>('[data-wipe]');
  if (wipeStatus) wipe(wipeStatus);
  const chats = [...document.querySelectorAll<HTMLElement>('vertraut-chat')];
  chats.forEach(wire);
  for (const chat of chats) chat.addEventListener('vertraut:close', () => close(chat));
  // A visitor who agreed to keep something finds it again: when this site's database exists,
  // the chat loads at once. Looking creates nothing (SPEC 3.1).
  void globalThis.indexedDB
    ?.databases?.()
    .then((databases) => {
      if (databases.some((db) => db.name === DATABASE_NAME)) for (const chat of chats) void appFor(chat);
    })
    .catch(() => undefined);
  // "Zum Chat" (skip link): opens the chat from the top of the page; without JavaScript it
  // leads to the home page's chat.
  for (const skip of document.querySelectorAll<HTMLAnchorElement>('[data-skip-to-chat]')) {
    skip.addEventListener('click', (event) => {
      const target = chats.find((c) => c.dataset['mode'] === 'inline') ?? chats[0];
      if (!target) return;
      event.preventDefault();
      if (target.dataset['mode'] === 'panel') open(target);
      else inputOf(target)?.focus();
    });
  }
  for (const launcher of document.querySelectorAll<HTMLElement>('[data-launcher]')) {
    const chat = document.getElementById(launcher.getAttribute('aria-controls') ?? '');
    if (!chat) continue;
    launcher.addEventListener('click', () => {
      if (chat.dataset['mode'] === 'inline') {
        inputOf(chat)?.focus();
        chat.scrollIntoView({ block: 'center' });
      } else if (chat.hidden) open(chat);
      else close(chat);
    });
  }
  // Deep link (SPEC 2.9): ?frage=… or ?q=… opens the chat and asks.
  // The "Meine Daten" page shows the privacy center without waiting for a click.
  for (const chat of chats) if (chat.dataset['open'] === 'privacy') void appFor(chat);
  const params = new URLSearchParams(location.search);
  const question = params.get('frage') ?? params.get('q');
  const chat = chats.find((c) => c.dataset['mode'] === 'inline') ?? chats[0];
  if (question?.trim() && chat) {
    if (chat.dataset['mode'] === 'panel') open(chat);
    void appFor(chat).then((app) => app.ask(question));
  }
}

start();
