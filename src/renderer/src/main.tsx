import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBridge } from './bridge';
import { connectToHost } from './host';
import { createAppStore } from './store';
import './styles/index.css';

// Called only after the socket closes, by then the store exists.
const host = connectToHost(() => store.getState().accessRefused());
const store = createAppStore({ host });
connectBridge(host, store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
