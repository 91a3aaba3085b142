/**
 * Bootstrap modal.js (trimmed copy)
 * Licensed under MIT (https://github.com/twbs/bootstrap/blob/main/LICENSE)
 */
const NAME = 'modal'
const DATA_KEY = 'bs.modal'
const EVENT_KEY = `.${DATA_KEY}`
const DATA_API_KEY = '.data-api'
const ESCAPE_KEY = 'Escape'

const EVENT_HIDE = `hide${EVENT_KEY}`
const EVENT_HIDDEN = `hidden${EVENT_KEY}`
const EVENT_SHOW = `show${EVENT_KEY}`
const EVENT_SHOWN = `shown${EVENT_KEY}`
const EVENT_KEYDOWN_DISMISS = `keydown.dismiss${EVENT_KEY}`
const EVENT_CLICK_DATA_API = `click${EVENT_KEY}${DATA_API_KEY}`

const CLASS_NAME_OPEN = 'modal-open'
const CLASS_NAME_FADE = 'fade'
const CLASS_NAME_SHOW = 'show'
const SELECTOR_DATA_TOGGLE = '[data-bs-toggle="modal"]'

const Default = {
  backdrop: true,
  focus: true,
  keyboard: true
}

class Modal {
  constructor(element, config) {
    this._element = element
    this._config = { ...Default, ...config }
    this._isShown = false
  }

  static get NAME() {
    return NAME
  }

  toggle(relatedTarget) {
    return this._isShown ? this.hide() : this.show(relatedTarget)
  }

  show() {
    if (this._isShown) return
    this._isShown = true
    document.body.classList.add(CLASS_NAME_OPEN)
    this._element.classList.add(CLASS_NAME_SHOW)
    this._element.dispatchEvent(new CustomEvent(EVENT_SHOWN))
  }

  hide() {
    if (!this._isShown) return
    this._isShown = false
    this._element.classList.remove(CLASS_NAME_SHOW)
    document.body.classList.remove(CLASS_NAME_OPEN)
    this._element.dispatchEvent(new CustomEvent(EVENT_HIDDEN))
  }
}

document.addEventListener('keydown', (event) => {
  if (event.key === ESCAPE_KEY) document.querySelectorAll('.modal.show').forEach(m => m.dispatchEvent(new Event(EVENT_KEYDOWN_DISMISS)))
})

export { Modal, EVENT_HIDE, EVENT_SHOW, EVENT_CLICK_DATA_API, SELECTOR_DATA_TOGGLE, CLASS_NAME_FADE }
