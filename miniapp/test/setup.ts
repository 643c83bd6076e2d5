import '@testing-library/jest-dom';
import { settings } from '../src/i18n';
import { network } from '../src/lib/network';
import { reloadSessions } from '../src/lib/session';
import { __taro } from './stubs/taro';

// NutUI draws some pieces on canvas; jsdom has none.
HTMLCanvasElement.prototype.getContext = (() => null) as never;

beforeEach(() => {
  __taro.reset();
  jest.clearAllMocks();
  reloadSessions();
  settings.set({ lang: 'zh-Hans', largeText: false });
  network.set({ offline: false });
});

// NutUI passes CSS custom properties in style objects; React's dev build warns about each one.
const consoleError = console.error;
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && /Unsupported style property|not wrapped in act/.test(args[0])) return;
    consoleError(...args);
  });
});
