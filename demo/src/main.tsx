import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { login, selectSession } from 'tim-redux';
import { App } from './App';
import { followSession, rememberedUser } from './remember';
import { store } from './store';
import './styles.css';

// A reload signs in again as the user this tab had signed in, before the first render: with a
// snapshot of that user, the list and the open chat are on screen while the SDK logs in.
let session = selectSession(store.getState());
store.subscribe(() => {
  const next = selectSession(store.getState());
  if (next !== session) followSession((session = next));
});
const user = rememberedUser();
// The emulator accepts any userSig; a real app would ask its server for a fresh one here.
if (user) void store.dispatch(login({ userID: user, userSig: 'demo' }));

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Provider store={store}>
      <App />
    </Provider>
  </StrictMode>,
);
