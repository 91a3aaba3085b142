<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'acme_blog' );

/** Database username */
define( 'DB_USER', 'blog_wp' );

/** Database password */
define( 'DB_PASSWORD', 'austinranger29' );

/** Database hostname */
define( 'DB_HOST', 'mysql-blog.acme-hosting.net' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         'SwzdWplFe6E7tHq8mTk!9jomS3vQ996epzxPdUrWszBX2lsD!zw10oV_0kbXal92' );
define( 'SECURE_AUTH_KEY',  '0Vm2UcHv*xAv3qhnh.tIzvz!4YsuIEVBLnh9!E6.aDTWhj0k0hVw9JtCROeQc0iu' );
define( 'LOGGED_IN_KEY',    'h_-pTopW4jU6NZaXUegEr9nFo3dlMN2h-hWtnw2!XIENNaAX5Pq7Z9KKh3qmVX0_' );
define( 'NONCE_KEY',        '!DxGj4lYXoKqpOBbKYbSmWuWNUgM4lzGze*hAOr8KRodwD-WczenhxNNrOoNhIxE' );
define( 'AUTH_SALT',        'NOH9tv0!r!A6aZvyiM-UbIc0vmZkBRu0Yf0IHCI5WpKxQ1fNDuY2j4!dZfIJv-3Q' );
define( 'SECURE_AUTH_SALT', 'zQ35PBHo!gaRpX2JntI2VNYW-Wq4pvs!1tNhyo5b4M*UnV!w83j0*ofquBWN00tG' );
define( 'LOGGED_IN_SALT',   'vQZhy5wPI54*6-JgVRqKdc3DiR5hYXeLgWzabGEaWyfZZhvI45AK_QwamvCSNH7V' );
define( 'NONCE_SALT',       'mUpAZDK*SwMmsNavR9ml_aFTN5w9.elXHSL0UvX4NhSjuU.Iyv6*Zr.hSjDqVuol' );
/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'FS_METHOD', 'ftpext' );
define( 'FTP_USER', 'acmeblog' );
define( 'FTP_PASS', 'welcome1' );
define( 'FTP_HOST', 'ftp.acme-hosting.net' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
