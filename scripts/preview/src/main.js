// Synthetic shadow must load first: LBC requires it, and it lets SLDS classes in our templates apply.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import ConsoleApp from 'x/consoleApp';

document.getElementById('root').appendChild(createElement('x-console-app', { is: ConsoleApp }));
