import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from './bridge.ts';

// The page gets one function per contract call, an event subscription and the path of a dropped
// file (a sandboxed page cannot learn it itself); never ipcRenderer.
contextBridge.exposeInMainWorld('chatImporter', buildApi(ipcRenderer, (file) => webUtils.getPathForFile(file)));
