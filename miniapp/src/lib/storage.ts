import Taro from '@tarojs/taro';

/** Typed JSON in Taro storage (wx storage on WeChat, localStorage on H5). Keys are namespaced `wq.`. */
export function readStored<T>(key: string): T | undefined {
  try {
    const raw = Taro.getStorageSync(key);
    if (raw === '' || raw === undefined || raw === null) return undefined;
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  Taro.setStorageSync(key, JSON.stringify(value));
}

export function removeStored(key: string): void {
  Taro.removeStorageSync(key);
}
