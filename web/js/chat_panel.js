// The conversation: what the driver asked (typed or spoken) and what the co-driver said,
// newest at the bottom; a question that needs a yes gets Yes / No buttons.
import { t } from './i18n.js';

const MAX_ENTRIES = 60;

export class ChatPanel {
  // onAsk(text): the driver typed something, or pressed Yes / No.
  constructor({ log, form, input, send }, { onAsk }) {
    this.log = log;
    this.input = input;
    this.send = send;
    this.onAsk = onAsk;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      this.onAsk(text);
    });
    this.addWelcome();
  }

  addWelcome() {
    const entry = this.append('msg msg-codriver msg-welcome', t('chat_welcome'));
    entry.dataset.i18n = 'chat_welcome';
  }

  append(className, text) {
    const entry = document.createElement('div');
    entry.className = className;
    entry.textContent = text;
    this.log.appendChild(entry);
    while (this.log.children.length > MAX_ENTRIES) this.log.firstElementChild.remove();
    this.log.scrollTop = this.log.scrollHeight;
    return entry;
  }

  addQuestion(text) {
    // A new question answers any open Yes / No by itself.
    for (const row of this.log.querySelectorAll('.confirm-row')) row.remove();
    const entry = this.append('msg msg-driver', text);
    entry.dataset.testid = 'chat-question';
    return entry;
  }

  addAnswer(answer) {
    const entry = this.append('msg msg-codriver', answer.speech || '');
    entry.dataset.testid = 'chat-answer';
    entry.lang = answer.lang === 'zh' ? 'zh-CN' : 'en';
    if ((answer.tool_calls || []).some((call) => call.status === 'pending_confirmation')) this.addConfirmButtons(entry);
    this.log.scrollTop = this.log.scrollHeight;
    return entry;
  }

  addConfirmButtons(entry) {
    const row = entry.appendChild(document.createElement('div'));
    row.className = 'confirm-row';
    for (const [labelKey, sayKey, className] of [['confirm_yes', 'ask_yes', 'confirm-yes'], ['confirm_no', 'ask_no', 'confirm-no']]) {
      const button = row.appendChild(document.createElement('button'));
      button.type = 'button';
      button.className = className;
      button.textContent = t(labelKey);
      button.addEventListener('click', () => {
        row.remove();
        this.onAsk(t(sayKey));
      });
    }
  }

  addNote(text) {
    return this.append('msg msg-note', text);
  }

  addError(text) {
    const entry = this.append('msg msg-error', text);
    entry.setAttribute('role', 'alert');
    return entry;
  }

  setBusy(busy) {
    this.send.disabled = busy;
    this.log.classList.toggle('busy', busy);
  }
}
