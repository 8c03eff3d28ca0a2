#!/usr/bin/env node
// End-to-end test of the cockpit screen (web/) against a real `codriver serve`:
// imports the OSM file, starts the server, drives the page in headless Chromium and
// saves a screenshot at every stage.
//
//   node tests/server/e2e/hmi_e2e.mjs --codriver build/codriver \
//        --osm /work/shared/data/osm/monaco.osm.pbf --out build/hmi_e2e
//   (--url http://127.0.0.1:PORT/ tests a server that is already running instead)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';

// require() (unlike import) also looks in NODE_PATH, so a playwright-core installed
// elsewhere can be used: NODE_PATH=/somewhere/node_modules node hmi_e2e.mjs ...
function loadChromium() {
  try {
    return createRequire(import.meta.url)('playwright-core').chromium;
  } catch (error) {
    console.error(`FAIL: cannot load playwright-core (${error.code || error.message}): run "npm install" in the repository root, or set NODE_PATH to a node_modules that has it`);
    process.exit(1);
  }
}
const chromium = loadChromium();
const CHROMIUM = '/usr/bin/chromium';

const DEADLINE_MS = 55000;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CJK = /[\u3400-\u9fff]/;

class CheckFailed extends Error {}

function fail(message) {
  throw new CheckFailed(message);
}

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    if (!['--codriver', '--osm', '--out', '--url'].includes(key) || argv[i + 1] === undefined) {
      fail(`usage: hmi_e2e.mjs --codriver BINARY --osm FILE.osm.pbf --out DIR [--url URL] (bad argument "${key}")`);
    }
    options[key.slice(2)] = argv[i + 1];
  }
  if (!options.out) fail('--out DIR is required');
  if (!options.url && !(options.codriver && options.osm)) fail('--codriver and --osm are required (or --url)');
  return options;
}

const log = (message) => console.log(`[hmi-e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const started = Date.now();

// Runs a command to its end; fails with its output when it does not exit 0.
function runToEnd(command, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => reject(new CheckFailed(`cannot run ${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new CheckFailed(`${command} ${args.join(' ')} failed (${signal || 'exit ' + code}):\n${output.slice(-2000)}`));
    });
  });
}

// Starts `codriver serve` and resolves with its address once it printed the ready line.
function startServer(binary, bundle, state) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--map', bundle, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    state.server = child;
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    const timer = setTimeout(() => reject(new CheckFailed(`codriver serve printed no "codriver: serving http://..." line within 15 s:\n${stderr}`)), 15000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /codriver: serving (http:\/\/[^\s]+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].endsWith('/') ? match[1] : match[1] + '/');
      }
    });
    child.on('error', (error) => reject(new CheckFailed(`cannot start ${binary} serve: ${error.message}`)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      state.serverExited = true;
      reject(new CheckFailed(`codriver serve exited early (${signal || 'exit ' + code}):\n${stderr}`));
    });
  });
}

function stopServer(state) {
  const child = state.server;
  if (!child || state.serverExited) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// Polls `probe` (run in the page) until it returns a truthy value; fails with `message`.
async function waitInPage(page, probe, arg, timeoutMs, message) {
  try {
    const handle = await page.waitForFunction(probe, arg, { timeout: timeoutMs, polling: 100 });
    return await handle.jsonValue();
  } catch (error) {
    if (error.name === 'TimeoutError') fail(message);
    throw error;
  }
}

async function ask(page, text) {
  await page.fill('#ask-input', text);
  await page.click('#ask-send');
}

async function checkMap(page) {
  const roads = await waitInPage(page, () => {
    const paths = [...document.querySelectorAll('#map-roads path.road')];
    const drawn = paths.reduce((sum, p) => sum + Number(p.dataset.roads || 0), 0);
    return paths.length > 0 && paths.every((p) => (p.getAttribute('d') || '').length > 10) ? drawn : 0;
  }, null, 10000, 'the map shows no road paths (#map-roads path.road) 10 s after loading');
  if (roads < 100) fail(`the map shows only ${roads} roads; a city has hundreds`);
  await waitInPage(page, () => document.querySelector('#car-marker')?.getAttribute('visibility') === 'visible',
    null, 5000, 'the car marker (#car-marker) is not shown');
  log(`map: ${roads} roads drawn, car shown`);
}

async function checkCountdownTicks(page) {
  await waitInPage(page, () => Number(document.body.dataset.ticks || 0) >= 2, null, 5000,
    'no tick events reached the page in 5 s: the EventSource on /v1/events delivers nothing (is the stream buffered or compressed?)');
  const first = await waitInPage(page, () => {
    const widget = document.querySelector('#light-widget');
    const text = document.querySelector('#light-countdown')?.textContent.trim();
    return widget && !widget.classList.contains('no-light') && /^\d+$/.test(text || '') ? text : null;
  }, null, 8000, 'the traffic-light widget shows no countdown in whole seconds (#light-countdown) within 8 s: no light ahead, or its time to change is unknown');
  const changed = await waitInPage(page, (before) => {
    const text = document.querySelector('#light-countdown')?.textContent.trim();
    return text && text !== before ? text : null;
  }, first, 3500, `the light countdown stayed at "${first}" for 3.5 s: it does not tick`);
  log(`light countdown ticks: ${first} -> ${changed}`);
}

async function checkParking(page) {
  await ask(page, 'find parking near the casino');
  const cards = await waitInPage(page, () => {
    const found = [...document.querySelectorAll('#cards .place-card')];
    return found.length > 0 ? found.map((card) => ({
      name: card.querySelector('.card-name')?.textContent || '',
      why: [...card.querySelectorAll('.card-why li')].map((li) => li.textContent),
      kind: card.dataset.kind,
    })) : null;
  }, null, 15000, 'asked "find parking near the casino": no place cards (#cards .place-card) within 15 s');
  if (cards.some((card) => card.kind !== 'parking')) fail(`asked for parking, got cards of kind ${cards.map((c) => c.kind).join(', ')}`);
  if (!cards[0].name) fail('the first parking card has no name');
  if (!cards.every((card) => card.why.length > 0 && card.why.every((w) => w.trim().length > 0))) {
    fail(`every parking card should say why it ranks there; got ${JSON.stringify(cards.map((c) => c.why))}`);
  }
  const markers = await page.locator('#place-markers .place-marker').count();
  if (markers !== cards.length) fail(`${cards.length} parking cards but ${markers} place markers on the map`);
  await waitInPage(page, () => document.querySelectorAll('#chat-log .msg-codriver[data-testid="chat-answer"]').length > 0,
    null, 5000, 'the co-driver\'s answer is not in the chat (#chat-log)');
  log(`parking: ${cards.length} cards, first "${cards[0].name}" because ${cards[0].why.join('; ')}`);
}

const carPosition = (page) => page.evaluate(() => {
  const marker = document.querySelector('#car-marker');
  return { lat: Number(marker.dataset.lat), lon: Number(marker.dataset.lon) };
});

function metresBetween(a, b) {
  const k = Math.PI / 180;
  const x = (b.lon - a.lon) * k * Math.cos(((a.lat + b.lat) / 2) * k);
  return Math.hypot(x, (b.lat - a.lat) * k) * 6371000;
}

async function checkGoStartsTrip(page) {
  const before = await carPosition(page);
  const oldRoute = await page.locator('#route-line').getAttribute('d');
  await page.locator('#cards .place-card').first().locator('.card-go').click();
  // A moving car makes the co-driver ask before it changes the route: the driver says yes.
  const outcome = await waitInPage(page, (old) => {
    const d = document.querySelector('#route-line')?.getAttribute('d') || '';
    if (d.length > 0 && d !== old) return 'route';
    return document.querySelector('#chat-log .confirm-yes') ? 'confirm' : null;
  }, oldRoute, 15000, 'pressed Go on the first parking card: no route line (#route-line d is empty) and no question to confirm within 15 s');
  if (outcome === 'confirm') {
    log('the co-driver asked to confirm the route change: pressing Yes');
    await page.click('#chat-log .confirm-yes');
  }
  const length = await waitInPage(page, (old) => {
    const d = document.querySelector('#route-line')?.getAttribute('d') || '';
    return d !== old ? d.length : 0;
  }, oldRoute, 15000, 'pressed Go: the route line (#route-line) stayed empty for 15 s');
  const maneuver = await page.locator('#maneuver-instruction').textContent();
  log(`route drawn (path data ${length} chars), next maneuver "${maneuver}"`);
  const moved = await waitInPage(page, (start) => {
    const marker = document.querySelector('#car-marker');
    const lat = Number(marker.dataset.lat);
    const lon = Number(marker.dataset.lon);
    const k = Math.PI / 180;
    const metres = Math.hypot((lon - start.lon) * k * Math.cos(lat * k), (lat - start.lat) * k) * 6371000;
    return metres > 2 ? metres : 0;
  }, before, 10000, 'a trip started but the car marker did not move in 10 s (tick events not arriving, or the car does not drive)');
  const after = await carPosition(page);
  log(`car moved ${moved.toFixed(0)} m (${metresBetween(before, after).toFixed(0)} m from the start)`);
}

async function checkChinese(page) {
  await page.click('#lang-toggle');
  await waitInPage(page, () => document.documentElement.lang === 'zh-CN' && /[\u3400-\u9fff]/.test(document.querySelector('#ask-send').textContent),
    null, 3000, 'pressed the language toggle: the labels did not switch to Chinese');
  const answersBefore = await page.locator('#chat-log [data-testid="chat-answer"]').count();
  await ask(page, '找一家附近的餐厅');
  const speech = await waitInPage(page, (count) => {
    const answers = document.querySelectorAll('#chat-log [data-testid="chat-answer"]');
    return answers.length > count ? answers[answers.length - 1].textContent : null;
  }, answersBefore, 15000, 'asked "找一家附近的餐厅": no answer in the chat within 15 s');
  if (!CJK.test(speech)) fail(`asked in Chinese, the co-driver answered "${speech}" (no Chinese characters)`);
  const cards = await waitInPage(page, () => {
    const found = [...document.querySelectorAll('#cards .place-card')];
    return found.length > 0 && found.every((card) => card.dataset.kind === 'places')
      ? found.map((card) => card.querySelector('.card-meta')?.textContent || '') : null;
  }, null, 5000, 'asked "找一家附近的餐厅": the cards did not turn into a list of places to eat');
  const eateries = /餐厅|咖啡馆|快餐|美食广场/;
  if (!cards.some((meta) => eateries.test(meta))) fail(`asked for a restaurant, the cards are ${JSON.stringify(cards)}`);
  const why = await page.locator('#cards .place-card .card-why li').first().textContent();
  if (!CJK.test(why)) fail(`the restaurant cards' reasons are not in Chinese: "${why}"`);
  log(`zh: "${speech}", ${cards.length} cards`);
}

async function checkTheme(page) {
  const read = () => page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    background: getComputedStyle(document.querySelector('.side-pane')).backgroundColor,
  }));
  const before = await read();
  await page.click('#theme-toggle');
  const after = await read();
  if (after.theme === before.theme || !['day', 'night'].includes(after.theme)) fail(`the theme toggle left the theme at "${after.theme}"`);
  if (after.background === before.background) fail(`switching ${before.theme} -> ${after.theme} did not change the colours (${after.background})`);
  log(`theme: ${before.theme} -> ${after.theme}`);
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`FAIL: ${error.message}`);
    process.exit(2);
  }
  fs.mkdirSync(options.out, { recursive: true });
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'codriver-hmi-e2e-'));
  const state = {};
  let context;
  let failures = 0;
  const deadline = setTimeout(() => {
    console.error(`FAIL: the test ran over ${DEADLINE_MS / 1000} s`);
    stopServer(state).finally(() => process.exit(1));
  }, DEADLINE_MS);
  try {
    let url = options.url;
    if (!url) {
      const bundle = path.join(temp, 'monaco.bundle');
      await runToEnd(options.codriver, ['import', options.osm, '--out', bundle], 30000);
      log(`imported ${options.osm}`);
      url = await startServer(options.codriver, bundle, state);
      log(`server at ${url}`);
    }
    if (options.url) {
      // A server that was already running may have a trip and a conversation: start clean.
      const reset = await fetch(new URL('v1/session/reset', url), { method: 'POST', body: '' })
        .catch((error) => fail(`POST /v1/session/reset: ${error.message}`));
      if (!reset.ok) fail(`POST /v1/session/reset answered HTTP ${reset.status}`);
    }
    if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} is not installed (scripts/install-deps installs it)`);
    context = await chromium.launchPersistentContext(path.join(temp, 'chromium-profile'), {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 720 }, locale: 'en-US',
    });
    const page = context.pages()[0] || await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') log(`page console: ${message.text()}`); });
    const shot = (name) => page.screenshot({ path: path.join(options.out, name) });

    const response = await page.goto(url);
    if (!response || !response.ok()) fail(`GET ${url} answered ${response ? response.status() : 'nothing'}`);
    const stages = [
      ['01-map.png', () => checkMap(page)],
      ['02-light.png', () => checkCountdownTicks(page)],
      ['03-parking.png', () => checkParking(page)],
      ['04-route.png', () => checkGoStartsTrip(page)],
      ['05-zh-restaurants.png', () => checkChinese(page)],
      ['06-theme.png', () => checkTheme(page)],
    ];
    for (const [screenshot, check] of stages) {
      try {
        await check();
      } finally {
        await shot(screenshot).catch(() => {});
      }
    }
    if (pageErrors.length) fail(`the page threw: ${pageErrors.join(' | ')}`);
  } catch (error) {
    failures += 1;
    console.error(`FAIL: ${error instanceof CheckFailed ? error.message : error.stack || error}`);
  } finally {
    clearTimeout(deadline);
    if (context) await context.close().catch(() => {});
    await stopServer(state);
    fs.rmSync(temp, { recursive: true, force: true });
  }
  if (failures === 0) log(`PASS (screenshots in ${options.out})`);
  process.exit(failures === 0 ? 0 : 1);
}

main();
