/** The Apps Script sidebar's entry: the one UI over the google.script.run bridge. */
import { mountSidebar } from './mountSidebar';
import { createGasBridge } from './bridges/gasBridge';

const root = document.getElementById('pa-sidebar');
if (root) mountSidebar(root, createGasBridge());
