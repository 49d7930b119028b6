import { Dexie } from 'dexie';
import { IDBFactory as FakeIDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, vi } from 'vitest';
import { LocalStore } from '../../../src/storage/local-store.ts';

/*
 * An empty in-memory IndexedDB per test, for the storage tests in Node. Call it in beforeEach and
 * `restoreIndexedDB` in afterEach.
 */

const original = { ...Dexie.dependencies };

/** Installs a fresh IndexedDB where the code under test and Dexie look for one, and returns it. */
export function freshIndexedDB(): IDBFactory {
  const indexedDB = new FakeIDBFactory();
  vi.stubGlobal('indexedDB', indexedDB);
  vi.stubGlobal('IDBKeyRange', FakeIDBKeyRange);
  // Dexie reads globalThis.indexedDB once, when its module loads, into Dexie.dependencies; every
  // `new Dexie()` without options (LocalStore.open, Dexie.delete) uses those.
  Dexie.dependencies.indexedDB = indexedDB;
  Dexie.dependencies.IDBKeyRange = FakeIDBKeyRange;
  return indexedDB;
}

export function restoreIndexedDB(): void {
  vi.unstubAllGlobals();
  Dexie.dependencies.indexedDB = original.indexedDB;
  Dexie.dependencies.IDBKeyRange = original.IDBKeyRange;
}

/** The names of the databases in an IndexedDB, as a page could list them. */
export async function databaseNames(indexedDB: IDBFactory): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
}

/**
 * For a test file of LocalStore: a fresh IndexedDB per test, every store opened in a test closed
 * after it. Returns the function that opens a store.
 */
export function useFreshStores(): () => Promise<LocalStore> {
  const opened: LocalStore[] = [];
  beforeEach(() => {
    freshIndexedDB();
  });
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    restoreIndexedDB();
  });
  return async () => {
    const store = await LocalStore.open();
    opened.push(store);
    return store;
  };
}
