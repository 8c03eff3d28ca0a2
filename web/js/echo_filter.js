// Every screen hears every answer as an `answer` event, this screen's own included, and
// the event may come before or after the screen's own reply. Answers to this screen's
// questions are shown from the reply; the filter drops their echoes and lets the
// answers to other screens through, in order.
const ECHO_WAIT_MS = 10000;

export class EchoFilter {
  constructor(deliver) {
    this.deliver = deliver;
    this.inFlight = 0;
    this.held = [];      // events that came while one of our questions was unanswered
    this.expected = [];  // {question, until}: our answered questions whose echo has not come yet
  }

  // Call when this screen sends a question; `finish(question)` when its reply came
  // (question: the text asked, or the transcript of a spoken one; null if it failed).
  begin() {
    this.inFlight += 1;
    let finished = false;
    return (question) => {
      if (finished) return;
      finished = true;
      this.inFlight -= 1;
      if (question) this.expected.push({ question, until: Date.now() + ECHO_WAIT_MS });
      const held = this.held;
      this.held = [];
      for (const event of held) this.offer(event);
    };
  }

  offer(event) {
    const now = Date.now();
    this.expected = this.expected.filter((entry) => entry.until > now);
    const echo = this.expected.findIndex((entry) => entry.question === event.question);
    if (echo >= 0) {
      this.expected.splice(echo, 1);
      return;
    }
    if (this.inFlight > 0) {
      this.held.push(event);
      return;
    }
    this.deliver(event);
  }
}
