/** Entry of the task pane script: once Office is ready, mounts the shared sidebar on the Excel bridge. */
import { mountSidebar } from '../../../sidebar/mountSidebar';
import { createExcelBridge } from './excelBridge';

void Office.onReady(() => {
  const root = document.getElementById('app');
  if (root) mountSidebar(root, createExcelBridge());
});
