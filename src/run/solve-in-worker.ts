import { Worker } from 'node:worker_threads';
import type { IsolatedCall } from '../solve/solver-adapter.js';

/**
 * The shell's IsolatedCall: the engine call on a worker thread of its own, terminated at the
 * time limit, so that a simplex that cycles (javascript-lp-solver) cannot hang the run.
 */
export const solveInWorker: IsolatedCall = (modulePath, name, argument, seconds) => {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const engine = require(workerData.modulePath);
    parentPort.postMessage(JSON.parse(JSON.stringify(engine[workerData.name](workerData.argument))));
  `;
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, workerData: { modulePath, name, argument } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve('time-limit');
    }, seconds * 1000);
    worker.once('message', (result: unknown) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve(error);
    });
  });
};
