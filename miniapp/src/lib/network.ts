import Taro from '@tarojs/taro';
import { createStore } from './store';

/** Whether the last request failed for want of a network; the offline banner shows while true. */
export const network = createStore({ offline: false });

let watching = false;
export function watchNetwork(): void {
  if (watching) return;
  watching = true;
  try {
    Taro.onNetworkStatusChange((res: { isConnected: boolean }) => network.set({ offline: !res.isConnected }));
  } catch {
    // H5 browsers without the Network Information API: request failures still flip the flag.
  }
}
