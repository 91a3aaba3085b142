#!/usr/bin/env node
'use strict';

const twilio = require('twilio');
const sgMail = require('@sendgrid/mail');

const accountSid = 'AC07ec6a1b044da05ca4ed81004c1dec8e';
const authToken = 'e162646ffa9204c1c9eeb488c6daa9b7';
const apiKeySid = 'SKfcd3ce2818f26ff6bff254199c973226';
const apiKeySecret = 'wOo0Te2eV9RmRj7QcMwVRa1RCrNdKfMD';
sgMail.setApiKey('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');

const client = twilio(apiKeySid, apiKeySecret, { accountSid });

async function sms(to, body) {
  return client.messages.create({ from: '+49300680402', to, body });
}

async function mail(to, subject, text) {
  return sgMail.send({ to, from: 'alerts@acme.com', subject, text });
}

module.exports = { sms, mail };

if (require.main === module) {
  const [, , to, ...rest] = process.argv;
  sms(to, rest.join(' ')).then((m) => console.log('sent', m.sid)).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
