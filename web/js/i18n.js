// Every label on the screen in both languages, and which one the driver chose.
const STORAGE_KEY = 'codriver.lang';

const DICTIONARY = {
  en: {
    app_title: 'codriver',
    lang_toggle: '中文',
    lang_toggle_hint: 'Switch to Chinese',
    theme_day: 'Day',
    theme_night: 'Night',
    theme_toggle_hint: 'Switch day / night colours',
    ask_placeholder: 'Ask the co-driver…',
    ask_send: 'Send',
    mic_start: 'Talk',
    mic_stop: 'Stop',
    mic_busy: 'Listening…',
    mic_sending: 'Thinking…',
    zoom_in: 'Zoom in',
    zoom_out: 'Zoom out',
    follow_car: 'Follow car',
    no_route: 'No trip',
    no_route_hint: 'Ask for a place, then press Go',
    remaining: 'to go',
    eta: 'Arrive',
    speed_unit: 'km/h',
    battery: 'Battery',
    no_light: 'No light ahead',
    light_unknown_time: '--',
    light_seconds: 's',
    advised_speed: 'Advised',
    state_red: 'Red',
    state_yellow: 'Yellow',
    state_green: 'Green',
    state_flashing: 'Flashing',
    state_dark: 'Off',
    state_unknown: 'Unknown',
    advice_go: 'Go',
    advice_keep: 'Keep your speed',
    advice_slow_to: 'Slow down for green',
    advice_slow_down: 'Slow down for green',
    advice_speed_to: 'Speed up within the limit',
    advice_speed_up_within_limit: 'Speed up within the limit',
    advice_stop: 'Prepare to stop',
    advice_red_warning: 'Red light ahead',
    advice_no_data: 'No timing data',
    cards_title: 'Results',
    cards_empty: 'Places and parking appear here.',
    cards_none_found: 'Nothing found.',
    card_go: 'Go',
    card_route: 'Route',
    card_light: 'Traffic light',
    chat_welcome: 'Hello! Ask me for a restaurant, parking, or the way somewhere.',
    chat_nothing_heard: 'I did not hear anything.',
    confirm_yes: 'Yes',
    confirm_no: 'No',
    ask_yes: 'yes',
    ask_no: 'no',
    go_to_number: (n) => `take me to number ${n}`,
    connection_lost: 'Connection to the co-driver lost, reconnecting…',
    unknown_error: 'Something went wrong.',
    minutes: 'min',
    stops_to: 'To',
    cat_restaurant: 'Restaurant',
    cat_cafe: 'Café',
    cat_fast_food: 'Fast food',
    cat_food_court: 'Food court',
    cat_parking: 'Parking',
    cat_charging_station: 'Charging',
    cat_fuel: 'Fuel',
  },
  zh: {
    app_title: '智能副驾',
    lang_toggle: 'EN',
    lang_toggle_hint: '切换为英文',
    theme_day: '白天',
    theme_night: '夜间',
    theme_toggle_hint: '切换白天/夜间配色',
    ask_placeholder: '问问副驾…',
    ask_send: '发送',
    mic_start: '说话',
    mic_stop: '停止',
    mic_busy: '正在听…',
    mic_sending: '思考中…',
    zoom_in: '放大',
    zoom_out: '缩小',
    follow_car: '跟随车辆',
    no_route: '未导航',
    no_route_hint: '先问一个地点，再点“出发”',
    remaining: '剩余',
    eta: '到达',
    speed_unit: '公里/时',
    battery: '电量',
    no_light: '前方没有信号灯',
    light_unknown_time: '--',
    light_seconds: '秒',
    advised_speed: '建议车速',
    state_red: '红灯',
    state_yellow: '黄灯',
    state_green: '绿灯',
    state_flashing: '闪烁',
    state_dark: '熄灭',
    state_unknown: '未知',
    advice_go: '可以通过',
    advice_keep: '保持车速',
    advice_slow_to: '减速可赶上绿灯',
    advice_slow_down: '减速可赶上绿灯',
    advice_speed_to: '在限速内加速',
    advice_speed_up_within_limit: '在限速内加速',
    advice_stop: '准备停车',
    advice_red_warning: '前方红灯',
    advice_no_data: '无配时数据',
    cards_title: '结果',
    cards_empty: '餐厅和停车场会显示在这里。',
    cards_none_found: '没有找到。',
    card_go: '出发',
    card_route: '路线',
    card_light: '信号灯',
    chat_welcome: '您好！可以问我附近的餐厅、停车场，或者去哪里的路。',
    chat_nothing_heard: '没有听到声音。',
    confirm_yes: '确定',
    confirm_no: '取消',
    ask_yes: '确定',
    ask_no: '不要',
    go_to_number: (n) => `去第${n}个`,
    connection_lost: '与副驾的连接已断开，正在重连…',
    unknown_error: '出错了。',
    minutes: '分钟',
    stops_to: '前往',
    cat_restaurant: '餐厅',
    cat_cafe: '咖啡馆',
    cat_fast_food: '快餐',
    cat_food_court: '美食广场',
    cat_parking: '停车场',
    cat_charging_station: '充电站',
    cat_fuel: '加油站',
  },
};

let currentLanguage = initialLanguage();
const listeners = new Set();

function initialLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh') return stored;
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function language() {
  return currentLanguage;
}

export function t(key, ...args) {
  const entry = DICTIONARY[currentLanguage][key] ?? DICTIONARY.en[key] ?? key;
  return typeof entry === 'function' ? entry(...args) : entry;
}

export function setLanguage(next) {
  if (next !== 'en' && next !== 'zh') return;
  currentLanguage = next;
  localStorage.setItem(STORAGE_KEY, next);
  applyLabels(document);
  for (const listener of listeners) listener(next);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

// Elements name their label with data-i18n (text), data-i18n-placeholder, data-i18n-title.
export function applyLabels(root) {
  document.documentElement.lang = currentLanguage === 'zh' ? 'zh-CN' : 'en';
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-placeholder]'))
    element.placeholder = t(element.dataset.i18nPlaceholder);
  for (const element of root.querySelectorAll('[data-i18n-title]')) {
    element.title = t(element.dataset.i18nTitle);
    element.setAttribute('aria-label', element.title);
  }
}

// Distances the way a driver reads them: 80 m, 450 m, 1.2 km.
export function formatDistance(metres) {
  if (!Number.isFinite(metres)) return '';
  if (metres < 1000) return `${Math.max(0, Math.round(metres / 10) * 10)} ${currentLanguage === 'zh' ? '米' : 'm'}`;
  const km = (metres / 1000).toFixed(metres < 10000 ? 1 : 0);
  return `${km} ${currentLanguage === 'zh' ? '公里' : 'km'}`;
}

export function formatMinutes(seconds) {
  if (!Number.isFinite(seconds)) return '';
  return `${Math.max(1, Math.round(seconds / 60))} ${t('minutes')}`;
}
