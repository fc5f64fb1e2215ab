import { render } from 'preact';
import { PopupApp } from './PopupApp';
import '@/components/term-card.css';
import '@/components/ui.css';
import './popup.css';

render(<PopupApp />, document.getElementById('app')!);
