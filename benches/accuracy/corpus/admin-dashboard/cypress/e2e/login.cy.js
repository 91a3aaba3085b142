describe('login', () => {
  it('logs in with the admin account', () => {
    cy.visit('/login');
    cy.get('input[name=email]').type(Cypress.env('adminUser'));
    cy.get('input[name=password]').type(Cypress.env('adminPassword'), { log: false });
    cy.get('button[type=submit]').click();
    cy.url().should('include', '/dashboard');
  });

  it('shows an error for a wrong password', () => {
    cy.visit('/login');
    cy.get('input[name=email]').type('qa-admin@acme.com');
    cy.get('input[name=password]').type('definitely-wrong');
    cy.get('button[type=submit]').click();
    cy.contains('Invalid email or password');
  });
});
