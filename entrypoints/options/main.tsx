import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import '@/components/term-card.css';
import '@/components/ui.css';
import './options.css';

render(<OptionsApp />, document.getElementById('app')!);
