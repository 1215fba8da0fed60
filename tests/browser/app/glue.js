// The page's glue. The runtime has no DOM access for Python code yet
// (`from js import document` is another issue's work), so this shim stands
// in: every line the program prints goes to the console (the runtime's
// browser output) and is mirrored here into #log, and `counter: N` lines set
// #counter. The button's click handler is main.py's Python function on_click.
const log = document.querySelector('#log');
const counter = document.querySelector('#counter');
const print = console.log.bind(console);
console.log = (...args) => {
  const line = args.join(' ');
  log.textContent += `${line}\n`;
  const tick = /^counter: (\d+)$/.exec(line);
  if (tick) counter.textContent = tick[1];
  print(...args);
};

// The program runs (asyncio.run, at its top level) while it is imported.
const program = await import('./main.py');
const button = document.querySelector('#click');
button.addEventListener('click', () => {
  document.querySelector('#clicks').textContent = program.on_click();
});
button.disabled = false;
document.querySelector('#status').textContent = 'done';
