-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: mysql-blog.acme-hosting.net    Database: acme_shop
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;

--
-- Table structure for table `users`
--

DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(191) NOT NULL,
  `password` varchar(255) NOT NULL,
  `remember_token` varchar(100) DEFAULT NULL,
  `role` enum('customer','admin') NOT NULL DEFAULT 'customer',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

--
-- Dumping data for table `users`
--

LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES
(1,'admin@acme-shop.io','$2y$10$SGVBrYSuIb9OZiFZ3HLKv797TPNbpjava1bMZwIMlvdp5gjTrD8Os',NULL,'admin'),
(2,'m.keller@acme-shop.io','$2y$10$j/LnZ5R.j/8U/m7aSz7NRSOtv75y4SXvE9rwLbAtf6e9cpCGybY9l','tUvXQIChPnlnhG2BqxLHmAuMe57l9JuO4iIhOvqiZnCxh1Gd1CJoWD6W7vjm','admin'),
(3,'anna.schmidt@gmail.com','$2y$10$HZytfqY6K1Qjah4dXd3eOa1Zcc/a4CgOFfqRgz7IhYePP2lny2pg1',NULL,'customer'),
(4,'j.nowak@wp.pl','$2y$10$7.dUM2jNKogorTAuRVpQ09oiVeZWJ9QyucS19AvMp2gUAeSsUfFgU',NULL,'customer'),
(5,'lee.chen@outlook.com','$2y$10$l8oPK.HJN45P/ED75cNRqsKz5b70CO8W7RQHy2Yp.ptzsJqLOJqu3',NULL,'customer');
UNLOCK TABLES;

DROP TABLE IF EXISTS `legacy_members`;
CREATE TABLE `legacy_members` (`id` int, `login` varchar(64), `pass_md5` char(32));
INSERT INTO `legacy_members` (`id`, `login`, `pass_md5`) VALUES (1,'webmaster','e3f4cff9d604bc8baa0c9eb73d04585a'),(2,'shop','b8475e743330c36f9080fb8f64f837b6');
INSERT INTO `legacy_members` (`id`, `login`, `pass_md5`) VALUES (3,'kasse','5869a137e22c2f507f4f9500daab7004');

DROP TABLE IF EXISTS `settings`;
CREATE TABLE `settings` (`name` varchar(64) PRIMARY KEY, `value` text);
INSERT INTO `settings` VALUES ('smtp_password','root1234'),('theme','dark');
INSERT INTO `settings` VALUES ('paypal_client_secret','FIDZ-F-nv3fxahWhtzpXyoEpyLJEiSNsshIO1bPcWi4l4-p9UULeSMesO-SqHhvLRs2O_w7rf-fylZIj');
INSERT INTO `settings` VALUES ('password_min_length','10'),('password_reset_ttl','3600');
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
-- Dump completed on 2024-03-02  3:10:01
