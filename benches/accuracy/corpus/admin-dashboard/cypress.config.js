const { defineConfig } = require('cypress');

module.exports = defineConfig({
  e2e: {
    baseUrl: 'https://admin-staging.acme.com',
    env: {
      adminUser: 'qa-admin@acme.com',
      adminPassword: 'hOTduCDuaOHZgO3I-',
      mailosaurApiKey: 'AwufmcTZv6Alsau4',
    },
    video: false,
    retries: { runMode: 2, openMode: 0 },
  },
});
