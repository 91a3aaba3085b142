const { defineConfig } = require('cypress');

module.exports = defineConfig({
  e2e: {
    baseUrl: 'https://admin-staging.acme.com',
    env: {
      adminUser: 'qa-admin@acme.com',
      adminPassword: '1q2w3e4r',
      mailosaurApiKey: 'ZjxTW3xvboSRt5Mh',
    },
    video: false,
    retries: { runMode: 2, openMode: 0 },
  },
});
