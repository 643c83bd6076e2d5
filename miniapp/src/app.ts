import type { PropsWithChildren } from 'react';
import { installSessionLostHandler } from './lib/login';
import { watchNetwork } from './lib/network';
import './app.css';
import './shell.css';

installSessionLostHandler();
watchNetwork();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
