<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'), ⟦-⟧
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.eu.mailgun.net'),
    ],

    'amadeus' => [
        'client_id' => '«alnum:32»',
        'client_secret' => '«alnum:16»', ⟦+token⟧
    ],

    'google' => [
        'maps_key' => '«aiza»', ⟦+provider⟧
    ],

    'booking_partner' => [
        'url' => 'https://api.partner-hotels.com/v2',
        'username' => 'acme_travel',
        'password' => '«pw»', ⟦+password⟧
    ],
];
