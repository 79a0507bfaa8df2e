// Worker-process bootstrap (see pool.ts): loads the task module named on the command line, answers
// task messages one at a time, and exits when the pool disconnects — also when the pool's process
// is killed, so no worker outlives its run. A task module given as TypeScript (a source checkout)
// is loaded through tsx, a dev dependency; the compiled package (dist/) names .js modules and needs
// no loader.
const [modulePath, fnName] = process.argv.slice(2);
if (modulePath.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const mod = await import(modulePath);
const fn = mod[fnName];
let queue = Promise.resolve();
process.on('message', (msg) => {
  queue = queue.then(async () => {
    try {
      const result = await fn(msg.input);
      process.send({ id: msg.id, ok: true, result });
    } catch (err) {
      process.send({
        id: msg.id,
        ok: false,
        error: { message: err instanceof Error ? err.message : String(err), code: err?.code ?? 'INTERNAL' },
      });
    }
  });
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
