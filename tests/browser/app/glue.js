// The page's glue: every line the program prints goes to the console (the
// runtime's browser output) and is mirrored here into #log. The counter and
// the button are main.py's own work, through `from js import document`.
const log = document.querySelector('#log');
const print = console.log.bind(console);
console.log = (...args) => {
  log.textContent += `${args.join(' ')}\n`;
  print(...args);
};

// The program runs (asyncio.run, at its top level) while it is imported.
await import('./main.py');
document.querySelector('#status').textContent = 'done';
